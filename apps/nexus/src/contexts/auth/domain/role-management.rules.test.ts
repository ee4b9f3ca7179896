import { describe, expect, it } from "vitest";
import { Uuid } from "@/shared/domain/uuid.value-object";
import type { Role } from "./role.value-object";
import { ensureCanAddMember, ensureCanChangeRole, ensureCanRemove } from "./role-management.rules";

const member = (role: Role) => ({ userId: Uuid.generate(), role });
const broken = (rule: string) => ({ ok: false, error: { code: "forbidden", rule } });

describe("role management rules", () => {
  describe("members-manage-permission", () => {
    it.each(["operator", "analyst"] as const)("%s cannot add, change or remove members", (role) => {
      expect(ensureCanAddMember(role, "analyst")).toMatchObject(broken("members-manage-permission"));
      expect(ensureCanChangeRole(role, member("analyst"), "operator")).toMatchObject(
        broken("members-manage-permission"),
      );
      expect(ensureCanRemove(member(role), member("analyst"))).toMatchObject(broken("members-manage-permission"));
    });

    it.each(["owner", "admin"] as const)("%s manages non-owner members", (role) => {
      expect(ensureCanAddMember(role, "admin").ok).toBe(true);
      expect(ensureCanChangeRole(role, member("operator"), "admin").ok).toBe(true);
      expect(ensureCanRemove(member(role), member("admin")).ok).toBe(true);
    });
  });

  describe("only-owner-grants-owner", () => {
    it("admin cannot add an owner or promote to owner", () => {
      expect(ensureCanAddMember("admin", "owner")).toMatchObject(broken("only-owner-grants-owner"));
      expect(ensureCanChangeRole("admin", member("admin"), "owner")).toMatchObject(broken("only-owner-grants-owner"));
    });

    it("owner can", () => {
      expect(ensureCanAddMember("owner", "owner").ok).toBe(true);
      expect(ensureCanChangeRole("owner", member("admin"), "owner").ok).toBe(true);
    });
  });

  describe("only-owner-manages-owners", () => {
    it("admin cannot change or remove an owner", () => {
      expect(ensureCanChangeRole("admin", member("owner"), "analyst")).toMatchObject(
        broken("only-owner-manages-owners"),
      );
      expect(ensureCanRemove(member("admin"), member("owner"))).toMatchObject(broken("only-owner-manages-owners"));
    });

    it("owner can change and remove other owners", () => {
      expect(ensureCanChangeRole("owner", member("owner"), "admin").ok).toBe(true);
      expect(ensureCanRemove(member("owner"), member("owner")).ok).toBe(true);
    });
  });

  it("anyone may remove themselves (leave)", () => {
    const analyst = member("analyst");
    expect(ensureCanRemove(analyst, analyst).ok).toBe(true);
  });
});
