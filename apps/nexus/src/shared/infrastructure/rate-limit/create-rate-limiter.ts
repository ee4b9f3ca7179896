import type { Cache } from "@/shared/infrastructure/cache/cache.port";
import { RedisCache } from "@/shared/infrastructure/cache/redis.cache";
import { InMemoryRateLimiter } from "./in-memory.rate-limiter";
import type { RateLimiter } from "./rate-limiter.port";
import { RedisRateLimiter } from "./redis.rate-limiter";

/** Quotas live where the cache lives (spec §1): Redis shares the cache's connection, else in-process. */
export function createRateLimiter(cache: Cache): RateLimiter {
  return cache instanceof RedisCache ? new RedisRateLimiter(cache.connection) : new InMemoryRateLimiter();
}
