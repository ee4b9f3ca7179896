import type { MiddlewareHandler } from "hono";
import type { Config } from "@/shared/infrastructure/config/config.schema";
import type { Logger } from "@/shared/infrastructure/logging/logger";
import { currentRequestContext } from "@/shared/infrastructure/request-context/request-context";
import { rateLimit } from "./rate-limit.middleware";
import type { RateLimiter } from "./rate-limiter.port";

/**
 * The blanket per-IP quota on every `/api/*` request. It fails OPEN: when the store (Redis) is down
 * the API keeps serving; only the auth routes, whose limits guard against brute force, fail closed.
 * `API_RATE_LIMIT_PER_MINUTE=0` turns it off.
 */
export function apiRateLimit(
  config: Pick<Config, "API_RATE_LIMIT_PER_MINUTE">,
  limiter: RateLimiter,
  logger: Logger,
): MiddlewareHandler[] {
  if (config.API_RATE_LIMIT_PER_MINUTE === 0) return [];
  return [
    rateLimit({
      limiter,
      policy: { name: "api-ip", limit: config.API_RATE_LIMIT_PER_MINUTE, windowMs: 60_000 },
      key: () => currentRequestContext()?.ip ?? "unknown", // the limiter namespaces keys by policy
      failureMode: "open",
      logger,
    }),
  ];
}
