import { afterEach, describe, expect, it } from "vitest";
import {
  CacheSessionRevocationList,
  revocationTtlMs,
} from "@/contexts/auth/infrastructure/security/cache.session-revocation-list";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { InMemoryCache } from "@/shared/infrastructure/cache/in-memory.cache";
import { RedisCache } from "@/shared/infrastructure/cache/redis.cache";
import { RedisConnection } from "@/shared/infrastructure/cache/redis-connection";
import { createTestRedisConnection, redisConfigured } from "../../support/test-redis";

const TTL_SECONDS = 900;

describe("CacheSessionRevocationList on the in-process cache", () => {
  let now = 1_700_000_000_000;
  const cache = new InMemoryCache({ now: () => now });
  afterEach(() => cache.close());

  it("reports revoked sessions and only those", async () => {
    const list = new CacheSessionRevocationList(cache, TTL_SECONDS);
    const [a, b, c] = [Uuid.generate(), Uuid.generate(), Uuid.generate()];
    await list.revoke([a, b]);
    expect(await list.isRevoked(a)).toBe(true);
    expect(await list.isRevoked(b)).toBe(true);
    expect(await list.isRevoked(c)).toBe(false);
  });

  it("forgets a revocation once every token of the session has expired anyway", async () => {
    const list = new CacheSessionRevocationList(cache, TTL_SECONDS);
    const id = Uuid.generate();
    await list.revoke([id]);
    now += TTL_SECONDS * 1000; // the last token issued just before revocation has just expired
    expect(await list.isRevoked(id)).toBe(true); // still inside the margin for clock skew
    now += revocationTtlMs(TTL_SECONDS) - TTL_SECONDS * 1000;
    expect(await list.isRevoked(id)).toBe(false);
  });

  it("revokes a member's tokens for one organization issued up to the change, for the same lifetime", async () => {
    const list = new CacheSessionRevocationList(cache, TTL_SECONDS);
    const [organization, user, other] = [Uuid.generate(), Uuid.generate(), Uuid.generate()];
    await list.revokeMembership(organization, user, now);
    expect(await list.isMembershipRevoked(organization, user, now - 60_000)).toBe(true);
    expect(await list.isMembershipRevoked(organization, user, now)).toBe(true);
    expect(await list.isMembershipRevoked(organization, user, now + 1)).toBe(false);
    expect(await list.isMembershipRevoked(other, user, now - 1)).toBe(false);
    expect(await list.isMembershipRevoked(organization, other, now - 1)).toBe(false);
    const at = now;
    now += revocationTtlMs(TTL_SECONDS);
    expect(await list.isMembershipRevoked(organization, user, at)).toBe(false);
  });

  it("accepts an empty revocation", async () => {
    await expect(new CacheSessionRevocationList(cache, TTL_SECONDS).revoke([])).resolves.toBeUndefined();
  });
});

describe.runIf(redisConfigured)("CacheSessionRevocationList on Redis", () => {
  it("makes a revocation visible to every instance at once", async () => {
    const redis = await createTestRedisConnection();
    // A second instance: its own connection to the same Redis and key space.
    const other = new RedisConnection(redis.url, { keyPrefix: redis.keyPrefix });
    try {
      const instanceA = new CacheSessionRevocationList(new RedisCache(redis.connection), TTL_SECONDS);
      const instanceB = new CacheSessionRevocationList(new RedisCache(other), TTL_SECONDS);
      const id = Uuid.generate();
      expect(await instanceB.isRevoked(id)).toBe(false);
      await instanceA.revoke([id]);
      expect(await instanceB.isRevoked(id)).toBe(true);
      const ttl = await redis.connection.run((r) => r.pttl(`auth:revoked-session:${id}`));
      expect(ttl).toBeGreaterThan(TTL_SECONDS * 1000);
      expect(ttl).toBeLessThanOrEqual(revocationTtlMs(TTL_SECONDS));
    } finally {
      await other.close();
      await redis.dispose();
    }
  });
});
