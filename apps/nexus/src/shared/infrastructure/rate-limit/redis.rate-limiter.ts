import type { RedisConnection } from "@/shared/infrastructure/cache/redis-connection";
import { assertPolicy, decision } from "./gcra";
import type { RateLimitDecision, RateLimiter, RateLimitPolicy } from "./rate-limiter.port";

/**
 * GCRA in one Lua script: read, decide and write happen atomically on the server, with the server's
 * clock (instances' clocks may drift). Mirrors `gcra.ts`; times in integer microseconds.
 * Reply: { allowed (0|1), remaining, resetUs, retryAfterUs }.
 */
const GCRA_LUA = `
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2]) * 1000
local interval = math.floor(window / limit)
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local tat = tonumber(redis.call('GET', KEYS[1])) or now
if tat < now then tat = now end
local nextTat = tat + interval
if nextTat - now > window then
  return {0, 0, tat - now, nextTat - now - window}
end
redis.call('SET', KEYS[1], string.format('%.0f', nextTat), 'PX', math.ceil((nextTat - now) / 1000))
local remaining = math.floor((window - (nextTat - now)) / interval)
if remaining > limit - 1 then remaining = limit - 1 end
return {1, remaining, nextTat - now, 0}
`;

type GcraCommand = (key: string, limit: number, windowMs: number) => Promise<[number, number, number, number]>;

/** The configured adapter: one quota per key across every instance sharing the Redis. */
export class RedisRateLimiter implements RateLimiter {
  constructor(private readonly connection: RedisConnection) {
    // defineCommand sends EVALSHA and falls back to EVAL once when the script cache is empty.
    connection.client.defineCommand("nexusGcra", { numberOfKeys: 1, lua: GCRA_LUA });
  }

  async consume(key: string, policy: RateLimitPolicy): Promise<RateLimitDecision> {
    assertPolicy(policy);
    const [allowed, remaining, resetUs, retryAfterUs] = await this.connection.run((redis) =>
      (redis as typeof redis & { nexusGcra: GcraCommand }).nexusGcra(
        `ratelimit:${policy.name}:${key}`,
        policy.limit,
        policy.windowMs,
      ),
    );
    return decision(policy, allowed === 1, remaining, resetUs, retryAfterUs);
  }
}
