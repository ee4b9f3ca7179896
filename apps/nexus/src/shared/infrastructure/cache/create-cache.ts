import type { Config } from "@/shared/infrastructure/config/config.schema";
import type { Broadcast } from "./broadcast.port";
import type { Cache } from "./cache.port";
import { InMemoryCache } from "./in-memory.cache";
import { InProcessBroadcast } from "./in-process.broadcast";
import { RedisBroadcast } from "./redis.broadcast";
import { RedisCache } from "./redis.cache";
import { RedisConnection, type RedisConnectionOptions } from "./redis-connection";

/** Redis when `REDIS_URL` is set, otherwise the in-process store (spec §1, run modes). */
export function createCache(
  config: Pick<Config, "REDIS_URL">,
  options: Pick<RedisConnectionOptions, "onError" | "keyPrefix"> = {},
): Cache {
  return config.REDIS_URL ? new RedisCache(new RedisConnection(config.REDIS_URL, options)) : new InMemoryCache();
}

/** Pub/sub over the cache's Redis connection, or in-process with the in-process store. */
export function createBroadcast(
  cache: Cache,
  options: { keyPrefix: string; onError?: (error: Error) => void },
): Broadcast {
  return cache instanceof RedisCache
    ? new RedisBroadcast(cache.connection, options.keyPrefix, options.onError)
    : new InProcessBroadcast();
}
