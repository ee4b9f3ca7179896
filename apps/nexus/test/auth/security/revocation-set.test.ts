import { describe, expect, it } from "vitest";
import type { Role } from "@/contexts/auth/domain/role.value-object";
import type { AccessRevocation } from "@/contexts/auth/infrastructure/security/access-revocation";
import { RevocationSet } from "@/contexts/auth/infrastructure/security/revocation-set";

const ORG = "0190a000-0000-7000-8000-000000000001";
const OTHER_ORG = "0190a000-0000-7000-8000-000000000002";
const USER = "0190a000-0000-7000-8000-0000000000aa";
const SESSION = "0190a000-0000-7000-8000-0000000000f1";
const EXPIRES = 10_000;

const token = (role: Role | null, organizationId: string | null = ORG) => ({
  sessionId: SESSION,
  userId: USER,
  organizationId,
  role,
});
const change = (role: Role | null, sequence: number): AccessRevocation => ({
  kind: "membership",
  organizationId: ORG,
  userId: USER,
  role,
  sequence,
  expiresAtMs: EXPIRES,
});

describe("RevocationSet", () => {
  it("refuses every token of a revoked session", () => {
    const set = new RevocationSet();
    expect(set.revokes(token("admin"))).toBe(false);
    set.add([{ kind: "session", sessionId: SESSION, expiresAtMs: EXPIRES }]);
    expect(set.revokes(token("admin"))).toBe(true);
    expect(set.revokes(token(null, null))).toBe(true);
    expect(set.revokes({ ...token("admin"), sessionId: "0190a000-0000-7000-8000-0000000000f2" })).toBe(false);
  });

  it("after a role change refuses tokens for that organization carrying a stronger role, not weaker or equal ones", () => {
    const set = new RevocationSet();
    set.add([change("operator", 1)]);
    expect(set.revokes(token("owner"))).toBe(true);
    expect(set.revokes(token("admin"))).toBe(true);
    expect(set.revokes(token("operator"))).toBe(false);
    expect(set.revokes(token("analyst"))).toBe(false);
    expect(set.revokes(token("owner", OTHER_ORG))).toBe(false);
    expect(set.revokes(token(null, null))).toBe(false);
  });

  it("after a removal refuses every token for that organization", () => {
    const set = new RevocationSet();
    set.add([change(null, 1)]);
    expect(set.revokes(token("analyst"))).toBe(true);
    expect(set.revokes(token("analyst", OTHER_ORG))).toBe(false);
  });

  it("keeps the latest change of a membership whatever order the changes arrive in", () => {
    const removedThenRejoined = [change(null, 1), change("admin", 2)];
    for (const order of [removedThenRejoined, [...removedThenRejoined].reverse()]) {
      const set = new RevocationSet();
      set.add(order);
      expect(set.revokes(token("admin"))).toBe(false);
      expect(set.revokes(token("owner"))).toBe(true);
    }
  });

  it("forgets what has expired, and nothing else", () => {
    const set = new RevocationSet();
    set.add([{ kind: "session", sessionId: SESSION, expiresAtMs: EXPIRES }, change(null, 1)]);
    set.prune(EXPIRES - 1);
    expect(set.size).toBe(2);
    set.prune(EXPIRES);
    expect(set.size).toBe(0);
    expect(set.revokes(token("admin"))).toBe(false);
  });
});
