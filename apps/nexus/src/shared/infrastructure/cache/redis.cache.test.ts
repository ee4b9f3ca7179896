import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ServiceUnavailableError } from "@/shared/infrastructure/errors/infrastructure.errors";
import { describeCacheContract } from "../../../../test/support/cache.contract";
import {
  createTestRedisConnection,
  eventually,
  redisConfigured,
  startRedisProxy,
  testRedisUrl,
} from "../../../../test/support/test-redis";
import { createCache } from "./create-cache";
import { InMemoryCache } from "./in-memory.cache";
import { RedisCache } from "./redis.cache";
import { RedisConnection } from "./redis-connection";

describe.runIf(redisConfigured)("on Redis (REDIS_URL)", () => {
  describeCacheContract("RedisCache", async () => {
    const redis = await createTestRedisConnection();
    return { cache: new RedisCache(redis.connection), advance: () => {}, dispose: redis.dispose };
  });
});

describe("RedisCache when Redis is down", () => {
  const DOWN = "redis://127.0.0.1:1"; // nothing listens on port 1

  it("rejects every operation with ServiceUnavailableError instead of hanging", { timeout: 5_000 }, async () => {
    const cache = new RedisCache(new RedisConnection(DOWN));
    try {
      for (const op of [
        () => cache.get("k"),
        () => cache.set("k", "v", 1_000),
        () => cache.setIfAbsent("k", "v", 1_000),
        () => cache.delete("k"),
        () => cache.increment("k", 1_000),
        () => cache.ping(),
      ]) {
        await expect(op()).rejects.toBeInstanceOf(ServiceUnavailableError);
      }
    } finally {
      await cache.close();
    }
  });

  it("reports the dependency as the cache", { timeout: 5_000 }, async () => {
    const cache = new RedisCache(new RedisConnection(DOWN));
    const error = await cache.get("k").catch((e: unknown) => e);
    await cache.close();
    expect(error).toMatchObject({ name: "ServiceUnavailableError", dependency: "cache" });
  });
});

describe("createCache", () => {
  it("selects the in-process store without REDIS_URL and Redis with it", async () => {
    const local = createCache({ REDIS_URL: undefined });
    const redis = createCache({ REDIS_URL: "redis://127.0.0.1:1" });
    expect(local).toBeInstanceOf(InMemoryCache);
    expect(redis).toBeInstanceOf(RedisCache);
    await Promise.all([local.close(), redis.close()]);
  });
});

describe.runIf(redisConfigured)("RedisCache when Redis goes away and comes back", () => {
  it("fails with ServiceUnavailableError while it is gone, then works again", { timeout: 15_000 }, async () => {
    const proxy = await startRedisProxy(testRedisUrl());
    const cache = new RedisCache(new RedisConnection(proxy.url, { keyPrefix: `nexus-test:${randomUUID()}:` }));
    try {
      await cache.set("k", "v", 60_000);
      expect(await cache.get("k")).toBe("v");
      await proxy.cut();
      await expect(cache.get("k")).rejects.toBeInstanceOf(ServiceUnavailableError);
      await expect(cache.increment("n", 60_000)).rejects.toBeInstanceOf(ServiceUnavailableError);
      await proxy.restore();
      await eventually(async () => expect(await cache.get("k")).toBe("v"), 10_000);
      await cache.delete("k");
    } finally {
      await cache.close();
      await proxy.cut();
    }
  });
});
