import { describe, expect, it } from "vitest";
import { InMemoryCache } from "@/shared/infrastructure/cache/in-memory.cache";
import { RedisCache } from "@/shared/infrastructure/cache/redis.cache";
import { RedisConnection } from "@/shared/infrastructure/cache/redis-connection";
import { createRateLimiter } from "./create-rate-limiter";
import { InMemoryRateLimiter } from "./in-memory.rate-limiter";
import { RedisRateLimiter } from "./redis.rate-limiter";

describe("createRateLimiter", () => {
  it("keeps quotas where the cache lives", async () => {
    const local = new InMemoryCache();
    const redis = new RedisCache(new RedisConnection("redis://127.0.0.1:1"));
    expect(createRateLimiter(local)).toBeInstanceOf(InMemoryRateLimiter);
    expect(createRateLimiter(redis)).toBeInstanceOf(RedisRateLimiter);
    await Promise.all([local.close(), redis.close()]);
  });
});
