/** Roles in an organization, strongest first (spec §4). The auth domain keeps the same union. */
export const ROLES = ["owner", "admin", "operator", "analyst"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/**
 * Who is calling, as proven by a verified access token. The tenant is `organizationId`, taken from the
 * token's `org` claim and never from a header or a body field (spec §3). A fresh user without any
 * organization has neither an organization nor a role.
 */
export interface Caller {
  readonly userId: string;
  readonly sessionId: string;
  readonly organizationId: string | null;
  readonly role: Role | null;
}

/** A caller acting inside an organization: what every route behind `requirePermission` receives. */
export interface OrganizationCaller extends Caller {
  readonly organizationId: string;
  readonly role: Role;
}

export function actsInOrganization(caller: Caller): caller is OrganizationCaller {
  return caller.organizationId !== null && caller.role !== null;
}
