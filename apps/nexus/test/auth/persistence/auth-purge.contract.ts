import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { aSession, aToken, at, T0, uniqueHash } from "./auth-fixtures";
import type { AuthRepositoriesHarness } from "./auth-repositories.contract";

/** Housekeeping every implementation of the session and one-time-token ports shares. */
export function describeAuthPurgeContract(name: string, open: () => Promise<AuthRepositoriesHarness>): void {
  describe(`${name} (auth purge contract)`, () => {
    let h: AuthRepositoriesHarness;
    beforeAll(async () => {
      h = await open();
    });
    afterAll(() => h.dispose());

    // Thirty days before T0, as the use case's default retention.
    const DAY = 24 * 3600;
    const cutoff = at(-30 * DAY);
    const longTtl = { ttlSeconds: 60 * DAY, reuseGraceSeconds: 0 };

    it("deletes sessions expired or revoked before the cutoff, with their refresh-token family", async () => {
      const userId = Uuid.generate();
      const firstHash = uniqueHash();
      const expiredLongAgo = aSession(userId, { now: at(-40 * DAY), hash: firstHash });
      const rotated = { ttlSeconds: 3600, reuseGraceSeconds: 0 };
      expect(expiredLongAgo.refresh(1, uniqueHash(), at(-40 * DAY + 60), rotated).kind).toBe("rotated");
      const revokedLongAgo = aSession(userId, { now: at(-35 * DAY) });
      expect(revokedLongAgo.refresh(1, uniqueHash(), at(-35 * DAY + 60), longTtl).kind).toBe("rotated");
      revokedLongAgo.revoke(at(-34 * DAY), "logout"); // still "unexpired": only the revocation is old
      const revokedRecently = aSession(userId, { now: at(-10 * DAY) });
      revokedRecently.revoke(at(-10 * DAY + 60), "logout-all");
      const expiredRecently = aSession(userId, { now: at(-29 * DAY) });
      const expiredAtCutoff = aSession(userId, { now: cutoff.plusMillis(-3600_000) }); // the cutoff is exclusive
      const live = aSession(userId);
      const all = [expiredLongAgo, revokedLongAgo, revokedRecently, expiredRecently, expiredAtCutoff, live];
      for (const s of all) await h.sessions.save(s);

      expect(await h.sessions.purgeEndedBefore(cutoff)).toBe(2);
      expect(await h.sessions.findById(expiredLongAgo.id)).toBeNull();
      expect(await h.sessions.findById(revokedLongAgo.id)).toBeNull();
      // Every hash of the family is gone: an old refresh token is now simply unknown.
      for (const hash of [firstHash, expiredLongAgo.refreshTokenHash, revokedLongAgo.refreshTokenHash]) {
        expect(await h.sessions.findByRefreshTokenHash(hash)).toBeNull();
      }
      for (const kept of [revokedRecently, expiredRecently, expiredAtCutoff, live]) {
        expect((await h.sessions.findById(kept.id))?.toProps()).toEqual(kept.toProps());
        expect((await h.sessions.findByRefreshTokenHash(kept.refreshTokenHash))?.session.id).toBe(kept.id);
      }
      expect((await h.sessions.listActiveByUser(userId, T0)).map((s) => s.id)).toEqual([live.id]);
      expect(await h.sessions.purgeEndedBefore(cutoff)).toBe(0);
    });

    it("deletes one-time tokens expired or used before the cutoff, and keeps the rest", async () => {
      const expiredLongAgo = aToken("password-reset", { userId: Uuid.generate(), now: at(-40 * DAY) });
      const usedLongAgo = aToken("invitation", {
        now: at(-35 * DAY), // a week's validity: expires after the cutoff, only the use is old
        invitation: { organizationId: Uuid.generate(), role: "analyst", invitedBy: Uuid.generate() },
      });
      expect(usedLongAgo.consume("invitation", at(-34 * DAY)).ok).toBe(true);
      const usedRecently = aToken("email-verification", { userId: Uuid.generate(), now: at(-20 * DAY) });
      expect(usedRecently.consume("email-verification", at(-20 * DAY + 60)).ok).toBe(true);
      const expiredRecently = aToken("password-reset", { userId: Uuid.generate(), now: at(-29 * DAY) });
      const outstanding = aToken("email-verification", { userId: Uuid.generate() });
      for (const t of [expiredLongAgo, usedLongAgo, usedRecently, expiredRecently, outstanding]) {
        await h.oneTimeTokens.save(t);
      }

      expect(await h.oneTimeTokens.purgeSpentBefore(cutoff)).toBe(2);
      expect(await h.oneTimeTokens.findByHash(expiredLongAgo.tokenHash)).toBeNull();
      expect(await h.oneTimeTokens.findByHash(usedLongAgo.tokenHash)).toBeNull();
      for (const kept of [usedRecently, expiredRecently, outstanding]) {
        expect((await h.oneTimeTokens.findByHash(kept.tokenHash))?.toProps()).toEqual(kept.toProps());
      }
      expect(await h.oneTimeTokens.purgeSpentBefore(cutoff)).toBe(0);
    });
  });
}
