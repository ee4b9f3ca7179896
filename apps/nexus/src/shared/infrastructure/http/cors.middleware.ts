import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import type { AppEnv } from "./app-env";

/**
 * CORS for the origins in CORS_ORIGINS ("*" allows any). Bearer tokens, not cookies, so no credentials.
 * Requests without `Origin` are not CORS at all and skip it (so plain OPTIONS still gets `Allow`).
 */
export function corsMiddleware(allowedOrigins: readonly string[]): MiddlewareHandler<AppEnv> {
  const anyOrigin = allowedOrigins.includes("*");
  const allowed = new Set(allowedOrigins);
  const handler = cors({
    origin: (origin) => (anyOrigin ? "*" : allowed.has(origin) ? origin : null),
    allowMethods: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"],
    allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key", "traceparent", "x-request-id"],
    exposeHeaders: ["x-request-id", "traceparent", "Location", "Retry-After", "RateLimit", "RateLimit-Policy", "Allow"],
    maxAge: 600,
  });
  return (c, next) => (c.req.header("origin") ? handler(c, next) : next());
}
