import type { DomainError } from "@/shared/domain/result";
import type { RoleRuleBroken } from "../domain/role-management.rules";

export type { LastOwnerRuleBroken as LastOwner } from "../domain/last-owner.rule";
export type { InvalidToken, TokenExpired } from "../domain/one-time-token.entity";
export type { WeakPassword } from "../domain/password.value-object";

/**
 * Expected failures of the auth use cases. Codes are stable: the HTTP layer maps each to a status
 * once (see README); the application knows nothing of HTTP.
 */
export type InvalidCredentials = DomainError<"invalid-credentials">;
export type EmailNotVerified = DomainError<"email-not-verified">;
export type NotFound = DomainError<"not-found">;
/** `rule` names the broken rule, for logs and tests; the code is what callers switch on. */
export type Forbidden = DomainError<"forbidden"> & {
  readonly rule: RoleRuleBroken["rule"] | "invitation-email-mismatch";
};
export type AlreadyMember = DomainError<"already-member">;
/** Past the daily invitation quota of the organization or of the inviter. */
export type InvitationQuotaExceeded = DomainError<"invitation-quota-exceeded"> & {
  readonly quota: "organization" | "inviter";
};
export type ReuseDetected = DomainError<"reuse-detected">;
/** A list cursor the API did not issue (the platform maps it to 422). */
export type InvalidCursor = DomainError<"invalid-cursor">;

export interface FieldError {
  /** JSON pointer into the request body, e.g. "/email". */
  readonly pointer: string;
  readonly message: string;
}
/** The platform's 422 `validation-failed` shape: one entry per invalid field. */
export type ValidationFailed = DomainError<"validation-failed"> & { readonly errors: readonly FieldError[] };

/**
 * ONE frozen object for an unknown email, a wrong password and a locked account, so not even
 * the message can tell them apart (enumeration resistance, spec §4).
 */
export const INVALID_CREDENTIALS: InvalidCredentials = Object.freeze({
  code: "invalid-credentials",
  message: "the email or password is incorrect",
});

export const EMAIL_NOT_VERIFIED: EmailNotVerified = Object.freeze({
  code: "email-not-verified",
  message: "verify your email address before signing in",
});

export const INVALID_TOKEN = Object.freeze({
  code: "invalid-token",
  message: "the token is invalid or has already been used",
} as const);

/** A refresh token that names no live session (unknown, or its session was ended): sign in again. */
export type SessionEnded = DomainError<"session-ended">;
export const SESSION_ENDED: SessionEnded = Object.freeze({
  code: "session-ended",
  message: "the session has ended; sign in again",
});

export type SessionExpired = DomainError<"session-expired">;
export const SESSION_EXPIRED: SessionExpired = Object.freeze({
  code: "session-expired",
  message: "the session has expired; sign in again",
});

export const REUSE_DETECTED: ReuseDetected = Object.freeze({
  code: "reuse-detected",
  message: "this refresh token was already used; the session has been ended",
});

export const INVALID_CURSOR: InvalidCursor = Object.freeze({
  code: "invalid-cursor",
  message: "the cursor is not one this API issued",
});

export const notFound = (what: string): NotFound => ({ code: "not-found", message: `${what} not found` });

export const alreadyMember = (): AlreadyMember => ({
  code: "already-member",
  message: "the user is already a member of this organization",
});

/**
 * Every code an auth use case can answer. The HTTP edge's catalogue (`auth.problems.ts`) must map
 * each one (the platform's `validation-failed`, `not-found`, `forbidden` are mapped there already).
 */
export type AuthErrorCode =
  | "invalid-credentials"
  | "email-not-verified"
  | "invalid-token"
  | "token-expired"
  | "session-ended"
  | "session-expired"
  | "reuse-detected"
  | "weak-password"
  | "validation-failed"
  | "not-found"
  | "forbidden"
  | "invalid-cursor"
  | "already-member"
  | "invitation-quota-exceeded"
  | "last-owner";
