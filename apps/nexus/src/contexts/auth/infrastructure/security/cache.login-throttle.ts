import { createHash } from "node:crypto";
import type { Cache } from "@/shared/infrastructure/cache/cache.port";
import type { LoginThrottle } from "../../application/ports/login-throttle.port";

export interface LoginThrottlePolicy {
  /** Consecutive failures before the first lock. */
  readonly freeAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** How long a failure counts: the counter expires this long after the first failure of a run. */
  readonly windowMs: number;
}

/**
 * Spec §4: after 5 consecutive failures the account locks for 30 s, and each further failure doubles
 * the lock (failure n ≥ 5 locks for 2^(n-5) × 30 s: 30 s, 1 min, 2 min, 4 min, 8 min), capped at 15 min.
 * A successful login resets the run; a run older than a day is forgotten.
 */
export const DEFAULT_LOGIN_THROTTLE_POLICY: LoginThrottlePolicy = {
  freeAttempts: 5,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  windowMs: 24 * 3600_000,
};

export function lockDelayMs(failures: number, policy: LoginThrottlePolicy = DEFAULT_LOGIN_THROTTLE_POLICY): number {
  if (failures < policy.freeAttempts) return 0;
  const exponent = Math.min(failures - policy.freeAttempts, 30); // 2^30 × anything is past any cap
  return Math.min(policy.baseDelayMs * 2 ** exponent, policy.maxDelayMs);
}

/**
 * Failure counters and lock deadlines in the cache port, so every instance sees them (Redis when
 * configured). Keys carry a hash of the account key, so no e-mail address lands in the cache.
 */
export class CacheLoginThrottle implements LoginThrottle {
  private readonly now: () => number;

  constructor(
    private readonly cache: Cache,
    private readonly policy: LoginThrottlePolicy = DEFAULT_LOGIN_THROTTLE_POLICY,
    now?: () => number,
  ) {
    this.now = now ?? Date.now;
  }

  async lockedUntil(accountKey: string): Promise<number | null> {
    const value = await this.cache.get(lockKey(accountKey));
    const until = value === null ? Number.NaN : Number(value);
    return Number.isFinite(until) && until > this.now() ? until : null;
  }

  async recordFailure(accountKey: string): Promise<void> {
    const failures = await this.cache.increment(failuresKey(accountKey), this.policy.windowMs);
    const delay = lockDelayMs(failures, this.policy);
    if (delay > 0) await this.cache.set(lockKey(accountKey), String(this.now() + delay), delay);
  }

  async reset(accountKey: string): Promise<void> {
    await Promise.all([this.cache.delete(failuresKey(accountKey)), this.cache.delete(lockKey(accountKey))]);
  }
}

const digest = (accountKey: string) => createHash("sha256").update(accountKey).digest("hex").slice(0, 32);
const failuresKey = (accountKey: string) => `auth:login-failures:${digest(accountKey)}`;
const lockKey = (accountKey: string) => `auth:login-locked-until:${digest(accountKey)}`;
