import type { DomainError } from "@/shared/domain/result";
import type { CreditNoteIssueError } from "../domain/credit-note.entity";
import type { InvoiceCancelError, InvoiceIssueError } from "../domain/invoice.entity";
import type { RatePeriodOverlap } from "../domain/rate-schedule.rule";

export interface FieldError {
  readonly pointer: string;
  readonly message: string;
}

/** Every failure a tax use case answers; codes are stable (the HTTP catalogue maps them once). */
export type TaxError =
  | (DomainError<"validation-failed"> & { readonly errors: readonly FieldError[] })
  | DomainError<"not-found">
  | DomainError<"fiscal-identity-missing">
  | (DomainError<"unknown-product"> & { readonly productIds: readonly string[] })
  | (DomainError<"issue-date-out-of-order"> & { readonly lastIssueDate: string })
  | DomainError<"issue-date-in-future">
  | RatePeriodOverlap
  | Exclude<InvoiceIssueError, { code: "invalid-line" }>
  | Exclude<InvoiceCancelError, { code: "invalid-reason" }>
  | Exclude<CreditNoteIssueError, { code: "invalid-credit-line" | "invalid-reason" }>;

export type TaxErrorCode = TaxError["code"];

/** A domain validation failure (`field` is a JSON pointer path without the leading slash). */
export function invalid(field: string, message: string): TaxError {
  return { code: "validation-failed", message, errors: [{ pointer: `/${field}`, message }] };
}

export function notFound(what: string): TaxError {
  return { code: "not-found", message: `${what} not found` };
}

/** Maps the domain's field-level errors to `validation-failed`, passes the others through. */
export function fromDomain<E extends DomainError & { readonly field?: string }>(error: E): TaxError {
  if ("field" in error && typeof error.field === "string") return invalid(error.field, error.message);
  return error as unknown as TaxError;
}
