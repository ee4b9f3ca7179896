import { describe, expect, it } from "vitest";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import type { Email } from "./email.value-object";
import { OneTimeToken, type OneTimeTokenPurpose } from "./one-time-token.entity";

const T0 = Timestamp.fromMillis(Date.UTC(2026, 0, 5, 9));
const email = "ana@example.com" as Email;

function issue(purpose: OneTimeTokenPurpose): OneTimeToken {
  const invitation = { organizationId: Uuid.generate(), role: "operator" as const, invitedBy: Uuid.generate() };
  return OneTimeToken.issue({ purpose, tokenHash: "hash", userId: null, email, invitation, now: T0 });
}

describe("OneTimeToken", () => {
  it.each([
    ["email-verification", 24 * 3600],
    ["password-reset", 15 * 60],
    ["invitation", 7 * 24 * 3600],
  ] as const)("a %s token lives %i seconds", (purpose, seconds) => {
    const token = issue(purpose);
    expect(token.consume(purpose, T0.plusMillis(seconds * 1000 - 1)).ok).toBe(true);
    expect(issue(purpose).consume(purpose, T0.plusMillis(seconds * 1000))).toMatchObject({
      ok: false,
      error: { code: "token-expired" },
    });
  });

  it("rule: single use", () => {
    const token = issue("password-reset");
    expect(token.consume("password-reset", T0).ok).toBe(true);
    expect(token.usedAt).toEqual(T0);
    expect(token.consume("password-reset", T0)).toMatchObject({ ok: false, error: { code: "invalid-token" } });
  });

  it("rule: a token works only for its purpose", () => {
    expect(issue("password-reset").consume("email-verification", T0)).toMatchObject({
      ok: false,
      error: { code: "invalid-token" },
    });
  });

  it("check does not consume", () => {
    const token = issue("email-verification");
    expect(token.check("email-verification", T0).ok).toBe(true);
    expect(token.usedAt).toBeNull();
  });

  it("only invitations carry a grant", () => {
    expect(issue("invitation").invitation?.role).toBe("operator");
    expect(issue("password-reset").invitation).toBeNull();
    expect(() => OneTimeToken.issue({ purpose: "invitation", tokenHash: "h", userId: null, email, now: T0 })).toThrow();
  });
});
