import type { Context, MiddlewareHandler } from "hono";
import { ServiceUnavailableError } from "@/shared/infrastructure/errors/infrastructure.errors";
import { problemResponse } from "@/shared/infrastructure/http/problem";
import { rateLimitHeaders } from "@/shared/infrastructure/http/rate-limit-headers";
import type { Logger } from "@/shared/infrastructure/logging/logger";
import type { RateLimitDecision, RateLimiter, RateLimitPolicy } from "./rate-limiter.port";

export interface RateLimitOptions {
  limiter: RateLimiter;
  policy: RateLimitPolicy;
  /** Whose quota the request consumes; null lets the request through unlimited. */
  key: (c: Context) => string | null | Promise<string | null>;
  /** When the store is down: "closed" (auth routes) answers 503, "open" lets the request through. */
  failureMode: "open" | "closed";
  logger?: Pick<Logger, "warn">;
}

/** Consumes one request of `policy` per request; 429 problem+json with `Retry-After` once exhausted. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const { limiter, policy, failureMode, logger } = options;
  return async (c, next) => {
    const key = await options.key(c);
    if (key === null) return next();

    let decision: RateLimitDecision;
    try {
      decision = await limiter.consume(key, policy);
    } catch (error) {
      // Only an outage picks the failure mode; a bug in the limiter must surface as one.
      if (!(error instanceof ServiceUnavailableError)) throw error;
      logger?.warn({ err: error, policy: policy.name, failureMode }, "rate limiter unavailable");
      if (failureMode === "open") return next();
      return problemResponse(c, {
        status: 503,
        code: "service-unavailable",
        title: "Service unavailable",
        detail: "A service this request depends on is temporarily unavailable; try again shortly.",
      });
    }

    const headers = rateLimitHeaders({
      policy: policy.name,
      limit: policy.limit,
      windowSeconds: Math.ceil(policy.windowMs / 1000),
      remaining: decision.remaining,
      resetSeconds: Math.ceil(decision.resetMs / 1000),
    });
    if (!decision.allowed) {
      // GCRA frees one request well before the whole window resets: Retry-After says when.
      const retryAfter = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      return problemResponse(c, {
        status: 429,
        code: "rate-limited",
        title: "Too many requests",
        detail: `Rate limit exceeded; retry in ${retryAfter} s.`,
        headers: { ...headers, "Retry-After": String(retryAfter) },
      });
    }
    await next();
    // Several policies may guard one route: each adds itself to the structured-field list instead
    // of overwriting an inner policy's entry (or the 429 that an inner policy answered).
    for (const [name, value] of Object.entries(headers)) c.header(name, value, { append: true });
  };
}
