import { Role } from "./role.value-object";

/**
 * The permission model of every context (spec §4): each permission names the weakest role that
 * holds it, and roles are ordered, so a stronger role holds everything a weaker one does.
 * Other contexts see this through auth/contracts, never by importing this file.
 */
export const PERMISSIONS = {
  "production:read": "analyst",
  "production:write": "operator",
  "tax:read": "analyst",
  "tax:write": "operator",
  "bi:read": "analyst",
  "bi:admin": "admin",
  "members:read": "analyst",
  "members:manage": "admin",
  "audit:read": "admin",
  "organization:manage": "owner",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function hasPermission(role: Role, permission: Permission): boolean {
  return Role.atLeast(role, PERMISSIONS[permission]);
}

export function permissionsOf(role: Role): Permission[] {
  return PERMISSION_NAMES.filter((permission) => hasPermission(role, permission));
}
