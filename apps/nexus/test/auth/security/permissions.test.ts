import { describe, expect, it } from "vitest";
import { actsInOrganization, isRole, ROLES } from "@/contexts/auth/contracts/caller";
import { hasPermission, PERMISSIONS, type Permission } from "@/contexts/auth/contracts/permissions";
import { PERMISSIONS as DOMAIN_PERMISSIONS } from "@/contexts/auth/domain/permissions";

const holders = (permission: Permission) => ROLES.filter((role) => hasPermission(role, permission));

describe("permissions", () => {
  it("lets analysts read everything and write nothing", () => {
    for (const p of ["production:read", "tax:read", "bi:read"] as const) expect(holders(p)).toEqual([...ROLES]);
    for (const p of ["production:write", "tax:write"] as const) expect(hasPermission("analyst", p)).toBe(false);
  });

  it("lets operators write production and tax, but not manage members", () => {
    expect(holders("production:write")).toEqual(["owner", "admin", "operator"]);
    expect(holders("tax:write")).toEqual(["owner", "admin", "operator"]);
    expect(hasPermission("operator", "members:manage")).toBe(false);
  });

  it("gives members, audit and bi administration to admins; the organization and owners to owners", () => {
    for (const p of ["members:manage", "audit:read", "bi:admin"] as const)
      expect(holders(p)).toEqual(["owner", "admin"]);
    expect(holders("organization:manage")).toEqual(["owner"]);
  });

  it("is the same table as the auth domain's", () => {
    expect(PERMISSIONS).toEqual(DOMAIN_PERMISSIONS);
  });

  it("gives the owner every permission", () => {
    for (const p of Object.keys(PERMISSIONS) as Permission[]) expect(hasPermission("owner", p)).toBe(true);
  });

  it("recognises roles and organization callers", () => {
    expect(isRole("admin")).toBe(true);
    expect(isRole("root")).toBe(false);
    expect(actsInOrganization({ userId: "u", sessionId: "s", organizationId: null, role: null })).toBe(false);
    expect(actsInOrganization({ userId: "u", sessionId: "s", organizationId: "o", role: "analyst" })).toBe(true);
  });
});
