import { describe, expect, it } from "vitest";
import { ensureKeepsAnOwner } from "./last-owner.rule";

describe("last-owner rule", () => {
  it("forbids demoting the only owner", () => {
    expect(ensureKeepsAnOwner({ ownerCount: 1, currentRole: "owner", nextRole: "admin" })).toMatchObject({
      ok: false,
      error: { code: "last-owner" },
    });
  });

  it("forbids removing the only owner", () => {
    expect(ensureKeepsAnOwner({ ownerCount: 1, currentRole: "owner", nextRole: null }).ok).toBe(false);
  });

  it("allows demoting or removing an owner when another owner remains", () => {
    expect(ensureKeepsAnOwner({ ownerCount: 2, currentRole: "owner", nextRole: "analyst" }).ok).toBe(true);
    expect(ensureKeepsAnOwner({ ownerCount: 2, currentRole: "owner", nextRole: null }).ok).toBe(true);
  });

  it("does not concern non-owners or owners staying owners", () => {
    expect(ensureKeepsAnOwner({ ownerCount: 1, currentRole: "admin", nextRole: null }).ok).toBe(true);
    expect(ensureKeepsAnOwner({ ownerCount: 1, currentRole: "owner", nextRole: "owner" }).ok).toBe(true);
  });
});
