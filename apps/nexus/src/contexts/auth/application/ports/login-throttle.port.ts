/**
 * Per-account lockout with a growing delay after consecutive failures (spec §4). Counters live in
 * the cache port so every instance sees them.
 */
export interface LoginThrottle {
  /** Epoch ms until which the account is locked, or null. */
  lockedUntil(accountKey: string): Promise<number | null>;
  recordFailure(accountKey: string): Promise<void>;
  reset(accountKey: string): Promise<void>;
}
