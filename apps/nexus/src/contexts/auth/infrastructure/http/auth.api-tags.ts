import type { ApiTag } from "@/shared/infrastructure/http/openapi.routes";

/** The sections of the API reference for auth's routes (declared once, by `AuthController`). */
export const AUTH_API_TAGS: readonly ApiTag[] = [
  { name: "auth", description: "Registration, e-mail verification, sign-in, token refresh, the caller's profile" },
  { name: "sessions", description: "The caller's sessions (devices): list them, end one, end all" },
  { name: "password", description: "Change a password, or reset a forgotten one through a mailed link" },
  { name: "organizations", description: "Organizations (tenants) the caller belongs to, and creating new ones" },
  { name: "members", description: "Members of an organization, their roles, and invitations" },
  { name: "audit", description: "The organization's hash-chained audit trail and its verification (owner, admin)" },
];
