import type { Config } from "@/shared/infrastructure/config/config.schema";
import type { Cache } from "./cache.port";
import { InMemoryCache } from "./in-memory.cache";
import { RedisCache } from "./redis.cache";
import { RedisConnection, type RedisConnectionOptions } from "./redis-connection";

/** Redis when `REDIS_URL` is set, otherwise the in-process store (spec §1, run modes). */
export function createCache(
  config: Pick<Config, "REDIS_URL">,
  options: Pick<RedisConnectionOptions, "onError" | "keyPrefix"> = {},
): Cache {
  return config.REDIS_URL ? new RedisCache(new RedisConnection(config.REDIS_URL, options)) : new InMemoryCache();
}
