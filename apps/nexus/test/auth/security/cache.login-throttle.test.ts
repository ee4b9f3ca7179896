import { afterEach, describe, expect, it } from "vitest";
import { CacheLoginThrottle, lockDelayMs } from "@/contexts/auth/infrastructure/security/cache.login-throttle";
import { InMemoryCache } from "@/shared/infrastructure/cache/in-memory.cache";
import { RedisCache } from "@/shared/infrastructure/cache/redis.cache";
import { createTestRedisConnection, redisConfigured } from "../../support/test-redis";

describe("lockDelayMs", () => {
  it("is free for 4 failures, then 30 s doubling per failure, capped at 15 min", () => {
    const seconds = Array.from({ length: 12 }, (_, i) => lockDelayMs(i + 1) / 1000);
    expect(seconds).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900]);
    expect(lockDelayMs(10_000)).toBe(15 * 60_000);
  });
});

describe("CacheLoginThrottle", () => {
  let now = 1_700_000_000_000;
  const cache = new InMemoryCache({ now: () => now });
  const throttle = new CacheLoginThrottle(cache, undefined, () => now);
  afterEach(() => cache.close());

  async function fail(account: string, times: number) {
    for (let i = 0; i < times; i++) await throttle.recordFailure(account);
  }

  it("locks after the 5th consecutive failure, not before", async () => {
    await fail("alice", 4);
    expect(await throttle.lockedUntil("alice")).toBeNull();
    await fail("alice", 1);
    expect(await throttle.lockedUntil("alice")).toBe(now + 30_000);
  });

  it("grows the lock with each further failure and releases it when it runs out", async () => {
    await fail("bob", 5);
    now += 30_000;
    expect(await throttle.lockedUntil("bob")).toBeNull();
    await fail("bob", 1);
    expect(await throttle.lockedUntil("bob")).toBe(now + 60_000);
    now += 60_000;
    await fail("bob", 1);
    expect(await throttle.lockedUntil("bob")).toBe(now + 120_000);
  });

  it("keeps accounts apart and starts over after a reset (successful login)", async () => {
    await fail("carol", 5);
    expect(await throttle.lockedUntil("dave")).toBeNull();
    await throttle.reset("carol");
    expect(await throttle.lockedUntil("carol")).toBeNull();
    await fail("carol", 4);
    expect(await throttle.lockedUntil("carol")).toBeNull();
  });
});

describe.runIf(redisConfigured)("CacheLoginThrottle on Redis", () => {
  it("shares counters between instances and keeps e-mail addresses out of the keys", async () => {
    const redis = await createTestRedisConnection();
    try {
      const a = new CacheLoginThrottle(new RedisCache(redis.connection));
      const b = new CacheLoginThrottle(new RedisCache(redis.connection));
      for (let i = 0; i < 3; i++) await a.recordFailure("erin@example.com");
      for (let i = 0; i < 2; i++) await b.recordFailure("erin@example.com");
      const until = await a.lockedUntil("erin@example.com");
      expect(until).not.toBeNull();
      expect(until ?? 0).toBeGreaterThan(Date.now());
      const keys = await redis.connection.run((r) => r.keys(`${redis.keyPrefix}*`));
      expect(keys.length).toBe(2);
      expect(keys.join(" ")).not.toContain("erin");
      await b.reset("erin@example.com");
      expect(await a.lockedUntil("erin@example.com")).toBeNull();
    } finally {
      await redis.dispose();
    }
  });
});
