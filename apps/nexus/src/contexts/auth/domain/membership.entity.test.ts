import { describe, expect, it } from "vitest";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { expectErr, expectOk } from "../../../../test/support/expectations";
import { Membership } from "./membership.entity";
import type { Role } from "./role.value-object";

const now = Timestamp.fromMillis(Date.UTC(2026, 0, 5));
const organizationId = Uuid.generate();
const member = (role: Role) => Membership.grant({ organizationId, userId: Uuid.generate(), role, now });

// The membership guards its own rules; each one can be broken on its own.
describe("Membership", () => {
  it("changes a role when the actor may, answering the previous one", () => {
    const target = member("operator");
    expect(expectOk(target.changeRole({ by: member("admin"), role: "analyst", ownerCount: 1, now }))).toEqual({
      from: "operator",
      changed: true,
    });
    expect(target.role).toBe("analyst");
  });

  it("rule members-manage-permission: operators and analysts manage nobody", () => {
    const target = member("analyst");
    const result = target.changeRole({ by: member("operator"), role: "operator", ownerCount: 1, now });
    expectErr(result, "forbidden", { rule: "members-manage-permission" });
    expect(target.role).toBe("analyst");
  });

  it("rule only-owner-grants-owner and only-owner-manages-owners", () => {
    const admin = member("admin");
    expectErr(member("operator").changeRole({ by: admin, role: "owner", ownerCount: 1, now }), "forbidden", {
      rule: "only-owner-grants-owner",
    });
    expectErr(member("owner").changeRole({ by: admin, role: "admin", ownerCount: 2, now }), "forbidden", {
      rule: "only-owner-manages-owners",
    });
  });

  it("rule last-owner: the only owner is neither demoted nor removed; with two, either is fine", () => {
    const owner = member("owner");
    expectErr(owner.changeRole({ by: owner, role: "admin", ownerCount: 1, now }), "last-owner");
    expectErr(owner.checkRemoval(owner, 1), "last-owner");
    expect(owner.role).toBe("owner");
    expectOk(owner.checkRemoval(member("owner"), 2));
    expectOk(owner.changeRole({ by: owner, role: "admin", ownerCount: 2, now }));
  });

  it("the same role changes nothing; anyone may leave", () => {
    const analyst = member("analyst");
    expect(expectOk(analyst.changeRole({ by: member("owner"), role: "analyst", ownerCount: 1, now }))).toEqual({
      from: "analyst",
      changed: false,
    });
    expectOk(analyst.checkRemoval(analyst, 1));
    expectErr(analyst.checkRemoval(member("operator"), 1), "forbidden");
  });
});
