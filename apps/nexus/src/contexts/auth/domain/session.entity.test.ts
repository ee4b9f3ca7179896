import { describe, expect, it } from "vitest";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { type RefreshPolicy, Session } from "./session.entity";

const T0 = Timestamp.fromMillis(Date.UTC(2026, 0, 5, 9));
const at = (seconds: number) => T0.plusMillis(seconds * 1000);
const noGrace: RefreshPolicy = { ttlSeconds: 3600, reuseGraceSeconds: 0 };
const grace10: RefreshPolicy = { ttlSeconds: 3600, reuseGraceSeconds: 10 };

function startSession(): Session {
  return Session.start({
    userId: Uuid.generate(),
    organizationId: null,
    refreshTokenHash: "h1",
    now: T0,
    ttlSeconds: 3600,
    ip: "203.0.113.7",
    userAgent: "test",
  });
}

describe("Session refresh-token family", () => {
  it("starts at generation 1 with the first token", () => {
    const session = startSession();
    expect(session.generation).toBe(1);
    expect(session.refreshTokenHash).toBe("h1");
    expect(session.isActive(T0)).toBe(true);
  });

  it("rotates the current token: new hash, next generation, sliding expiry", () => {
    const session = startSession();
    expect(session.refresh(1, "h2", at(60), noGrace)).toEqual({ kind: "rotated", withinGrace: false });
    expect(session.refreshTokenHash).toBe("h2");
    expect(session.generation).toBe(2);
    expect(session.lastUsedAt).toEqual(at(60));
    expect(session.expiresAt).toEqual(at(60 + 3600));
  });

  it("rule: presenting an already-rotated token is reuse and revokes the whole session", () => {
    const session = startSession();
    session.refresh(1, "h2", at(1), noGrace);
    expect(session.refresh(1, "h3", at(2), noGrace)).toEqual({ kind: "reuse-detected" });
    expect(session.isRevoked).toBe(true);
    expect(session.revokedReason).toBe("reuse-detected");
    expect(session.refreshTokenHash).toBe("h2");
    // The legitimate holder of the current token is out too: the family is burnt.
    expect(session.refresh(2, "h4", at(3), noGrace)).toEqual({ kind: "revoked" });
  });

  it("rule: the grace window tolerates the immediately previous token", () => {
    const session = startSession();
    session.refresh(1, "h2", at(100), grace10);
    expect(session.refresh(1, "h3", at(110), grace10)).toEqual({ kind: "rotated", withinGrace: true });
    expect(session.generation).toBe(3);
    expect(session.isRevoked).toBe(false);
  });

  it("rule: the previous token after the grace window is reuse", () => {
    const session = startSession();
    session.refresh(1, "h2", at(100), grace10);
    expect(session.refresh(1, "h3", at(111), grace10)).toEqual({ kind: "reuse-detected" });
  });

  it("rule: a token older than the previous one is reuse even inside the grace window", () => {
    const session = startSession();
    session.refresh(1, "h2", at(100), grace10);
    session.refresh(2, "h3", at(101), grace10);
    expect(session.refresh(1, "h4", at(102), grace10)).toEqual({ kind: "reuse-detected" });
  });

  it("rule: an expired session does not rotate", () => {
    const session = startSession();
    expect(session.refresh(1, "h2", at(3600), noGrace)).toEqual({ kind: "expired" });
    expect(session.generation).toBe(1);
  });

  it("rule: a revoked session does not rotate", () => {
    const session = startSession();
    session.revoke(at(1), "logout");
    expect(session.refresh(1, "h2", at(2), noGrace)).toEqual({ kind: "revoked" });
  });

  it("keeps the first revocation", () => {
    const session = startSession();
    session.revoke(at(1), "logout");
    session.revoke(at(2), "password-reset");
    expect(session.revokedAt).toEqual(at(1));
    expect(session.revokedReason).toBe("logout");
  });

  it("switching organization rotates the token", () => {
    const session = startSession();
    const organizationId = Uuid.generate();
    session.switchOrganization(organizationId, "h2", at(5), 3600);
    expect(session.organizationId).toBe(organizationId);
    expect(session.generation).toBe(2);
    expect(session.refresh(1, "h3", at(6), noGrace)).toEqual({ kind: "reuse-detected" });
  });
});
