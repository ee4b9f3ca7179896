import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RateLimitDecision, RateLimiter } from "@/shared/infrastructure/rate-limit/rate-limiter.port";
import { eventually } from "./wait";

export interface RateLimiterHarness {
  limiter: RateLimiter;
  /** Lets time pass: moves an injected clock, or does nothing when the store uses real time. */
  advance(ms: number): void;
  dispose(): Promise<void>;
}

/** The behaviour every RateLimiter adapter must share; run by each adapter's test file. */
export function describeRateLimiterContract(name: string, open: () => Promise<RateLimiterHarness>): void {
  describe(`${name} (RateLimiter contract)`, () => {
    let h: RateLimiterHarness;
    beforeAll(async () => {
      h = await open();
    });
    afterAll(() => h.dispose());
    const key = () => `client:${randomUUID()}`;
    const minute = { name: "contract", limit: 5, windowMs: 60_000 };

    it("counts remaining requests down, then denies with a retry delay", async () => {
      const k = key();
      const decisions: RateLimitDecision[] = [];
      for (let i = 0; i < 6; i++) decisions.push(await h.limiter.consume(k, minute));
      expect(decisions.map((d) => [d.allowed, d.remaining])).toEqual([
        [true, 4],
        [true, 3],
        [true, 2],
        [true, 1],
        [true, 0],
        [false, 0],
      ]);
      expect(decisions.every((d) => d.limit === 5)).toBe(true);
      const denied = decisions[5] as RateLimitDecision;
      expect(denied.retryAfterMs).toBeGreaterThan(0);
      expect(denied.retryAfterMs).toBeLessThanOrEqual(12_000); // one emission interval: 60 s / 5
      expect(denied.resetMs).toBeGreaterThan(48_000);
      expect(denied.resetMs).toBeLessThanOrEqual(60_000);
      expect(decisions[0]?.retryAfterMs).toBe(0);
    });

    it("keeps keys and policies apart", async () => {
      const k = key();
      for (let i = 0; i < 5; i++) await h.limiter.consume(k, minute);
      expect((await h.limiter.consume(k, minute)).allowed).toBe(false);
      expect((await h.limiter.consume(key(), minute)).allowed).toBe(true);
      expect((await h.limiter.consume(k, { ...minute, name: "other" })).allowed).toBe(true);
    });

    it("allows again once the window has passed", async () => {
      const k = key();
      const short = { name: "short", limit: 3, windowMs: 300 };
      // Bounded: a limiter that never limits fails here instead of looping forever.
      let last: RateLimitDecision;
      let attempts = 0;
      do {
        last = await h.limiter.consume(k, short);
        attempts++;
      } while (last.allowed && attempts <= short.limit);
      expect(last.allowed).toBe(false);
      expect(attempts).toBe(short.limit + 1);
      h.advance(short.windowMs);
      await eventually(async () => expect(await h.limiter.consume(k, short)).toMatchObject({ allowed: true }));
    });

    it("never allows more than the limit under concurrent requests", async () => {
      const k = key();
      const decisions = await Promise.all(
        Array.from({ length: 50 }, () => h.limiter.consume(k, { name: "burst", limit: 10, windowMs: 60_000 })),
      );
      expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
      expect(
        decisions
          .filter((d) => d.allowed)
          .map((d) => d.remaining)
          .sort((a, b) => a - b),
      ).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    it("rejects an invalid policy as a caller bug", async () => {
      await expect(h.limiter.consume(key(), { name: "bad", limit: 0, windowMs: 1_000 })).rejects.toBeInstanceOf(
        RangeError,
      );
    });
  });
}
