import { describe, expect, it } from "vitest";
import { hasPermission, PERMISSIONS, permissionsOf } from "./permissions";
import { ROLES } from "./role.value-object";

describe("permissions", () => {
  it("owner holds every permission", () => {
    expect(permissionsOf("owner")).toEqual(Object.keys(PERMISSIONS));
  });

  it("admin: members, audit, all business operations, not organization settings", () => {
    expect(hasPermission("admin", "members:manage")).toBe(true);
    expect(hasPermission("admin", "audit:read")).toBe(true);
    expect(hasPermission("admin", "production:write")).toBe(true);
    expect(hasPermission("admin", "tax:write")).toBe(true);
    expect(hasPermission("admin", "organization:manage")).toBe(false);
  });

  it("operator: production and tax writes and all reads, no administration", () => {
    expect(permissionsOf("operator").sort()).toEqual(
      ["bi:read", "members:read", "production:read", "production:write", "tax:read", "tax:write"].sort(),
    );
  });

  it("analyst: read-only everywhere", () => {
    expect(permissionsOf("analyst").every((p) => p.endsWith(":read"))).toBe(true);
    expect(permissionsOf("analyst")).toEqual(expect.arrayContaining(["production:read", "tax:read", "bi:read"]));
    expect(hasPermission("analyst", "audit:read")).toBe(false);
  });

  it("a stronger role holds everything a weaker one does", () => {
    for (const [i, role] of ROLES.entries()) {
      for (const weaker of ROLES.slice(i + 1)) {
        expect(permissionsOf(role)).toEqual(expect.arrayContaining(permissionsOf(weaker)));
      }
    }
  });
});
