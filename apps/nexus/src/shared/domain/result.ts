/**
 * Expected failures are values. `E` is a discriminated union with a stable `code`,
 * so callers can switch on it and the HTTP edge can map it once.
 */
export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E> = { readonly ok: false; readonly error: E };
export type Result<T, E> = Ok<T> | Err<E>;

export interface DomainError<C extends string = string> {
  readonly code: C;
  readonly message: string;
}

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E>(error: E): Err<E> => ({ ok: false, error });

export const isOk = <T, E>(result: Result<T, E>): result is Ok<T> => result.ok;
export const isErr = <T, E>(result: Result<T, E>): result is Err<E> => !result.ok;

export function map<T, U, E>(result: Result<T, E>, fn: (value: T) => U): Result<U, E> {
  return result.ok ? ok(fn(result.value)) : result;
}

export function andThen<T, U, E, F>(result: Result<T, E>, fn: (value: T) => Result<U, F>): Result<U, E | F> {
  return result.ok ? fn(result.value) : result;
}

/** For tests and for places where an error is a bug: throws with the error's code. */
export function unwrap<T, E>(result: Result<T, E>): T {
  if (result.ok) return result.value;
  const error = result.error as { code?: string; message?: string };
  throw new Error(`unwrap on Err: ${error.code ?? ""} ${error.message ?? String(result.error)}`);
}

/**
 * An error the unit of work COMMITS with (spec §8, style 11). Returning `err(e)` from a unit of work
 * rolls everything back; returning `commitFailure(e)` keeps what was written — a reuse detection that
 * revokes the session, a failure audit — and the caller still receives an `Err`.
 */
export type CommittedErr<E> = Err<E> & { readonly commit: true };
export const commitFailure = <E>(error: E): CommittedErr<E> => ({ ok: false, error, commit: true });

/** True for an `Err` that a unit of work must roll back (any error result not made by `commitFailure`). */
export function isRollbackResult(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as { ok?: unknown; error?: unknown; commit?: unknown };
  return candidate.ok === false && "error" in candidate && candidate.commit !== true;
}
