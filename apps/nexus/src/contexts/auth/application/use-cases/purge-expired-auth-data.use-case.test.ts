import { describe, expect, it } from "vitest";
import { createAuthTestKit } from "../testing/auth-test-kit";
import { ForgotPasswordUseCase } from "./forgot-password.use-case";
import { LogoutUseCase } from "./logout.use-case";
import { AUTH_DATA_RETENTION_SECONDS, PurgeExpiredAuthDataUseCase } from "./purge-expired-auth-data.use-case";
import { RefreshTokensUseCase } from "./refresh-tokens.use-case";

const DAY = 24 * 3600;

/** Ana: verified (token used at T0), a laptop session logged out at T0, a phone session left to expire, a reset link. */
async function anaAfterAMonth() {
  const kit = createAuthTestKit({ refreshTokenTtlSeconds: 30 * DAY });
  await kit.registerUser("ana@example.com");
  const laptop = await kit.login("ana@example.com");
  const phone = await kit.login("ana@example.com");
  await new LogoutUseCase(kit.deps).execute({ actor: kit.actorOf(laptop) });
  await new ForgotPasswordUseCase(kit.deps).execute({ email: "ana@example.com" });
  kit.clock.advanceSeconds(31 * DAY);
  return { kit, laptop, phone };
}

const familyOf = (kit: ReturnType<typeof createAuthTestKit>, sessionId: string) =>
  [...kit.store.tables.refreshFamily.values()].filter((m) => m.sessionId === sessionId);

describe("PurgeExpiredAuthDataUseCase", () => {
  it("deletes sessions and tokens ended longer than the retention ago, with their refresh tokens", async () => {
    const { kit, laptop, phone } = await anaAfterAMonth();
    const live = await kit.login("ana@example.com");
    const purge = new PurgeExpiredAuthDataUseCase(kit.deps, 30 * DAY);

    // Laptop revoked 31 days ago, verification link used and reset link expired over 30 days ago;
    // the phone session expired only a day ago and the new one is live.
    expect(await purge.execute()).toEqual({ ok: true, value: { sessions: 1, oneTimeTokens: 2 } });
    const { sessions, oneTimeTokens } = kit.store.tables;
    expect(sessions.has(kit.actorOf(laptop).sessionId)).toBe(false);
    expect(familyOf(kit, kit.actorOf(laptop).sessionId)).toEqual([]);
    expect(sessions.has(kit.actorOf(phone).sessionId)).toBe(true);
    expect(familyOf(kit, kit.actorOf(phone).sessionId)).toHaveLength(1);
    expect(sessions.has(kit.actorOf(live).sessionId)).toBe(true);
    expect(oneTimeTokens.size).toBe(0);

    // An unknown refresh token is refused like a revoked one.
    const refresh = new RefreshTokensUseCase(kit.deps);
    expect(await refresh.execute({ refreshToken: laptop.refreshToken })).toMatchObject({
      ok: false,
      error: { code: "session-ended" },
    });
    expect((await refresh.execute({ refreshToken: live.refreshToken })).ok).toBe(true);

    // Idempotent; a month later the phone session goes too, the (rotated) live one stays.
    expect(await purge.execute()).toEqual({ ok: true, value: { sessions: 0, oneTimeTokens: 0 } });
    kit.clock.advanceSeconds(30 * DAY);
    expect(await purge.execute()).toEqual({ ok: true, value: { sessions: 1, oneTimeTokens: 0 } });
    expect([...sessions.keys()]).toEqual([kit.actorOf(live).sessionId]);
    expect(familyOf(kit, kit.actorOf(live).sessionId)).toHaveLength(2);
  });

  it("keeps everything ended within the retention", async () => {
    const { kit } = await anaAfterAMonth();
    const before = { sessions: kit.store.tables.sessions.size, tokens: kit.store.tables.oneTimeTokens.size };
    const result = await new PurgeExpiredAuthDataUseCase(kit.deps, 40 * DAY).execute();
    expect(result).toEqual({ ok: true, value: { sessions: 0, oneTimeTokens: 0 } });
    expect(kit.store.tables.sessions.size).toBe(before.sessions);
    expect(kit.store.tables.oneTimeTokens.size).toBe(before.tokens);
  });

  it("defaults to 30 days and refuses a negative retention (it would delete live sessions)", async () => {
    const { kit } = await anaAfterAMonth();
    expect(AUTH_DATA_RETENTION_SECONDS).toBe(30 * DAY);
    expect(await new PurgeExpiredAuthDataUseCase(kit.deps).execute()).toMatchObject({ value: { sessions: 1 } });
    expect(() => new PurgeExpiredAuthDataUseCase(kit.deps, -1)).toThrow(RangeError);
    expect(() => new PurgeExpiredAuthDataUseCase(kit.deps, Number.NaN)).toThrow(RangeError);
  });
});
