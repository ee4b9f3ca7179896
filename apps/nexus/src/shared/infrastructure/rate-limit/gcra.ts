import type { RateLimitDecision, RateLimitPolicy } from "./rate-limiter.port";

/**
 * GCRA (generic cell rate algorithm, see ADR 0005): the whole state of a key is one number, its
 * "theoretical arrival time" (TAT). Everything is in integer MICROseconds so that the arithmetic is
 * exact in IEEE doubles — the same computation as the Lua script in `redis.rate-limiter.ts`.
 */
export interface GcraStep {
  decision: RateLimitDecision;
  /** The TAT to store (expiring at that time), or null when nothing changes (denied). */
  nextTatUs: number | null;
}

export function gcra(storedTatUs: number | null, nowUs: number, policy: RateLimitPolicy): GcraStep {
  assertPolicy(policy);
  const windowUs = policy.windowMs * 1000;
  const intervalUs = Math.floor(windowUs / policy.limit);
  const tat = Math.max(storedTatUs ?? nowUs, nowUs);
  const nextTat = tat + intervalUs;
  if (nextTat - nowUs > windowUs) {
    return {
      decision: decision(policy, false, 0, tat - nowUs, nextTat - nowUs - windowUs),
      nextTatUs: null,
    };
  }
  const remaining = Math.min(policy.limit - 1, Math.floor((windowUs - (nextTat - nowUs)) / intervalUs));
  return { decision: decision(policy, true, remaining, nextTat - nowUs, 0), nextTatUs: nextTat };
}

export function decision(
  policy: RateLimitPolicy,
  allowed: boolean,
  remaining: number,
  resetUs: number,
  retryAfterUs: number,
): RateLimitDecision {
  return {
    allowed,
    limit: policy.limit,
    remaining,
    resetMs: Math.ceil(resetUs / 1000),
    retryAfterMs: Math.ceil(retryAfterUs / 1000),
  };
}

export function assertPolicy(policy: RateLimitPolicy): void {
  if (!Number.isSafeInteger(policy.limit) || policy.limit < 1) throw new RangeError(`invalid limit ${policy.limit}`);
  if (!Number.isSafeInteger(policy.windowMs) || policy.windowMs * 1000 < policy.limit) {
    throw new RangeError(`invalid windowMs ${policy.windowMs} for limit ${policy.limit}`);
  }
}
