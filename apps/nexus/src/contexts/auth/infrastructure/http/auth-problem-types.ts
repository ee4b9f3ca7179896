import type { ProblemTypeInfo } from "@/shared/infrastructure/http/problem-catalog";

/** The auth context's problem codes, explained on their `/problems/<code>` pages. */
export const AUTH_PROBLEM_TYPES: Readonly<Record<string, ProblemTypeInfo>> = {
  "invalid-credentials": {
    status: 401,
    description:
      "The email or password is incorrect. For your account's safety the answer is the same whether the " +
      "email is unknown, the password wrong or the account temporarily locked after repeated failures.",
  },
  "email-not-verified": {
    status: 403,
    description: "Verify your email address first: follow the link in the verification mail, or ask for a new one.",
  },
  "organization-required": {
    status: 403,
    description: "The access token acts in no organization. Log in with organizationId or switch organization first.",
  },
  "invalid-token": {
    status: 401,
    description:
      "The token is unknown, already used or ended. A refresh token is single use: keep the one the last " +
      "refresh returned. For mailed links, ask for a new mail.",
  },
  "token-expired": { status: 401, description: "The token has expired. Sign in again, or ask for a new mail." },
  "reuse-detected": {
    status: 401,
    description:
      "A refresh token was presented after it had already been rotated, which suggests it was stolen. " +
      "The whole session has been ended; sign in again.",
  },
  "weak-password": {
    status: 422,
    description: "Passwords need 12 to 128 characters and must not be on the list of commonly used passwords.",
  },
  "already-member": { status: 409, description: "The user is already a member of this organization." },
  "last-owner": {
    status: 409,
    description: "An organization always keeps at least one owner: promote another member to owner first.",
  },
  "invalid-cursor": { status: 422, description: "The cursor is not one this API issued; start again without it." },
};
