import type { DomainError } from "@/shared/domain/result";

/** One invalid input field: a JSON pointer into the request and why. */
export interface FieldError {
  readonly pointer: string;
  readonly message: string;
}

export type ValidationFailed = DomainError<"validation-failed"> & { readonly errors: readonly FieldError[] };

export const invalid = (errors: readonly FieldError[]): ValidationFailed => ({
  code: "validation-failed",
  message: "the request is not valid",
  errors,
});

export const invalidField = (pointer: string, message: string): ValidationFailed => invalid([{ pointer, message }]);
