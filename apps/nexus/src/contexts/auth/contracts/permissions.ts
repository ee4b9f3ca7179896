import type { Role } from "./caller";

const RANK: Readonly<Record<Role, number>> = { owner: 4, admin: 3, operator: 2, analyst: 1 };

/**
 * The canonical permission map: each permission names the weakest role that holds it; stronger roles
 * inherit it (owner > admin > operator > analyst, spec §4). Other contexts guard routes with these names.
 * auth/domain/permissions.ts holds the same table for auth's own use cases (contracts cannot import the
 * domain, nor the domain contracts); test/auth/security/permissions.test.ts fails if they drift apart.
 */
export const PERMISSIONS = {
  "production:read": "analyst",
  "tax:read": "analyst",
  "bi:read": "analyst",
  "members:read": "analyst",
  "production:write": "operator",
  "tax:write": "operator",
  "members:manage": "admin",
  "audit:read": "admin",
  "bi:admin": "admin",
  "organization:manage": "owner",
} as const satisfies Readonly<Record<string, Role>>;

export type Permission = keyof typeof PERMISSIONS;

export function minimumRole(permission: Permission): Role {
  return PERMISSIONS[permission];
}

export function roleAtLeast(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return roleAtLeast(role, PERMISSIONS[permission]);
}
