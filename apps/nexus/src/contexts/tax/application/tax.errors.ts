import type { DomainError } from "@/shared/domain/result";
import type { CreditNoteIssueError } from "../domain/credit-note.entity";
import type { InvoiceCancelError, InvoiceIssueError } from "../domain/invoice.entity";
import type { InvalidParty } from "../domain/party.value-objects";
import type { RatePeriodOverlap } from "../domain/rate-schedule.rule";

export type { RatePeriodOverlap };

export interface FieldError {
  readonly pointer: string;
  readonly message: string;
}

/** The platform's 422 `validation-failed` shape: one entry per invalid field. */
export type ValidationFailed = DomainError<"validation-failed"> & { readonly errors: readonly FieldError[] };
export type NotFound = DomainError<"not-found">;
export type FiscalIdentityMissing = DomainError<"fiscal-identity-missing">;
export type UnknownProduct = DomainError<"unknown-product"> & { readonly productIds: readonly string[] };
export type IssueDateOutOfOrder = DomainError<"issue-date-out-of-order"> & { readonly lastIssueDate: string };
export type IssueDateInFuture = DomainError<"issue-date-in-future">;
/** The platform middleware's code: a retried key with another body (docs/adr/0007). */
export type IdempotencyKeyReused = DomainError<"idempotency-key-reused">;

/** A domain error that names a field is answered as `validation-failed` (see `fromDomain`). */
type WithoutFieldErrors<E> = Exclude<E, { readonly field: string }>;

/**
 * What each use case can answer: its route lists exactly these codes, and a handler that could answer
 * a status its route does not declare, or a code in no catalogue, does not compile (tax.problems.ts).
 */
export type ReadError = NotFound;
export type ListError = ValidationFailed;
export type PutTaxSettingsError = ValidationFailed;
export type CreateTaxRateError = ValidationFailed | RatePeriodOverlap;
export type PutClassificationError = ValidationFailed | NotFound;
export type IssueInvoiceError =
  | ValidationFailed
  | FiscalIdentityMissing
  | UnknownProduct
  | IssueDateInFuture
  | IssueDateOutOfOrder
  | IdempotencyKeyReused
  | WithoutFieldErrors<InvoiceIssueError>;
export type CancelInvoiceError = ValidationFailed | NotFound | WithoutFieldErrors<InvoiceCancelError>;
export type IssueCreditNoteError =
  | ValidationFailed
  | NotFound
  | IssueDateOutOfOrder
  | IdempotencyKeyReused
  | WithoutFieldErrors<CreditNoteIssueError>;

/** Every failure a tax use case answers; codes are stable (the HTTP catalogue maps each once). */
export type TaxError =
  | PutTaxSettingsError
  | CreateTaxRateError
  | PutClassificationError
  | IssueInvoiceError
  | CancelInvoiceError
  | IssueCreditNoteError;

export type TaxErrorCode = TaxError["code"];

/** A domain validation failure (`field` is a JSON pointer path without the leading slash). */
export function invalid(field: string, message: string): ValidationFailed {
  return { code: "validation-failed", message, errors: [{ pointer: `/${field}`, message }] };
}

export function notFound(what: string): NotFound {
  return { code: "not-found", message: `${what} not found` };
}

/** Maps the domain's field-level errors to `validation-failed`, passes the others through. */
export function fromDomain<E extends DomainError | InvalidParty>(error: E): WithoutFieldErrors<E> | ValidationFailed {
  if ("field" in error && typeof error.field === "string") return invalid(error.field, error.message);
  // The guard above is what the Exclude states; TypeScript does not narrow a type parameter by it.
  return error as WithoutFieldErrors<E>;
}
