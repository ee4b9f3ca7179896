export interface RateLimitState {
  /** Policy name, e.g. "auth-ip". */
  readonly policy: string;
  readonly limit: number;
  readonly windowSeconds: number;
  readonly remaining: number;
  /** Seconds until the quota resets. */
  readonly resetSeconds: number;
}

/**
 * IETF draft-ietf-httpapi-ratelimit-headers (structured fields): `RateLimit-Policy: "p";q=100;w=60`,
 * `RateLimit: "p";r=0;t=30`. Pass `retryAfter` on a 429.
 */
export function rateLimitHeaders(
  state: RateLimitState,
  options: { retryAfter?: boolean } = {},
): Record<string, string> {
  const name = JSON.stringify(state.policy);
  const reset = Math.max(0, Math.ceil(state.resetSeconds));
  const headers: Record<string, string> = {
    "RateLimit-Policy": `${name};q=${state.limit};w=${state.windowSeconds}`,
    RateLimit: `${name};r=${Math.max(0, state.remaining)};t=${reset}`,
  };
  if (options.retryAfter) headers["Retry-After"] = String(Math.max(1, reset));
  return headers;
}
