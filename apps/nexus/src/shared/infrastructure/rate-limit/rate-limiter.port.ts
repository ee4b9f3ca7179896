/** `limit` requests per `windowMs`, bursts included. `name` appears in the RateLimit headers. */
export interface RateLimitPolicy {
  name: string;
  limit: number;
  windowMs: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** ms until the window resets, i.e. the full quota is available again. */
  resetMs: number;
  /** ms until the next request would be allowed; 0 when allowed. */
  retryAfterMs: number;
}

/** Consumes one request from the key's quota. Rejects with `ServiceUnavailableError` when the store is down. */
export interface RateLimiter {
  consume(key: string, policy: RateLimitPolicy): Promise<RateLimitDecision>;
}
