import { defineErrorCatalog, type ProblemSpec } from "@/shared/infrastructure/http/error-catalog";
import type { PlatformProblemCode } from "@/shared/infrastructure/http/problem-catalog";
import type { AuthErrorCode } from "../../application/auth.errors";

/** Codes only the auth HTTP edge answers (the guard), beside the use cases' own. */
type AuthEdgeCode = "organization-required";

/**
 * The auth context's error catalogue: the ONE place a code gets its status. Use-case errors that are
 * platform codes (`validation-failed`, `not-found`, `forbidden`) take the platform's row. Leaving an
 * AuthErrorCode out (or adding a stray one) fails to compile.
 */
export const authErrors = defineErrorCatalog({
  "invalid-credentials": {
    status: 401,
    title: "Invalid credentials",
    description:
      "The email or password is incorrect. For your account's safety the answer is the same whether the " +
      "email is unknown, the password wrong or the account temporarily locked after repeated failures.",
  },
  "email-not-verified": {
    status: 403,
    title: "Email not verified",
    description: "Verify your email address first: follow the link in the verification mail, or ask for a new one.",
  },
  "organization-required": {
    status: 403,
    title: "Organization required",
    description: "The access token acts in no organization. Log in with organizationId or switch organization first.",
  },
  "invalid-token": {
    status: 422,
    title: "Invalid token",
    description:
      "The mailed token (email verification, password reset, invitation) is unknown or already used. " +
      "Ask for a new mail.",
  },
  "token-expired": {
    status: 422,
    title: "Token expired",
    description: "The mailed token has expired. Ask for a new mail.",
  },
  "session-ended": {
    status: 401,
    title: "Session ended",
    description:
      "The refresh token names no live session: it is unknown, or its session was ended (logout, password " +
      "change, revocation). A refresh token is single use: keep the one the last refresh returned. Sign in again.",
  },
  "session-expired": {
    status: 401,
    title: "Session expired",
    description: "The session was idle longer than the refresh token lifetime. Sign in again.",
  },
  "reuse-detected": {
    status: 401,
    title: "Reuse detected",
    description:
      "A refresh token was presented after it had already been rotated, which suggests it was stolen. " +
      "The whole session has been ended; sign in again.",
  },
  "weak-password": {
    status: 422,
    title: "Weak password",
    description: "Passwords need 12 to 128 characters and must not be on the list of commonly used passwords.",
  },
  "already-member": {
    status: 409,
    title: "Already member",
    description: "The user is already a member of this organization.",
  },
  "invitation-quota-exceeded": {
    status: 429,
    title: "Invitation quota exceeded",
    description:
      "The organization, or you, sent the most invitations allowed in 24 hours " +
      "(INVITATIONS_PER_DAY_PER_ORGANIZATION, INVITATIONS_PER_DAY_PER_INVITER). Try again later.",
  },
  "last-owner": {
    status: 409,
    title: "Last owner",
    description: "An organization always keeps at least one owner: promote another member to owner first.",
  },
} as const satisfies Record<Exclude<AuthErrorCode, PlatformProblemCode> | AuthEdgeCode, ProblemSpec>);
