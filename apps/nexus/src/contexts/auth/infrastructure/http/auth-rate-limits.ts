import { createHash } from "node:crypto";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import type { Controller } from "@/shared/infrastructure/http/controller";
import type { Logger } from "@/shared/infrastructure/logging/logger";
import { rateLimit } from "@/shared/infrastructure/rate-limit/rate-limit.middleware";
import type { RateLimiter, RateLimitPolicy } from "@/shared/infrastructure/rate-limit/rate-limiter.port";
import { currentRequestContext } from "@/shared/infrastructure/request-context/request-context";

/**
 * Brute-force budgets (spec §4), on top of the per-account lockout after 5 failed logins. GCRA:
 * bursts up to the limit, then one request per window/limit. Counters live in the shared
 * RateLimiter (Redis when configured), so every instance draws from the same budget.
 */
export const AUTH_RATE_LIMITS = {
  /** Per client IP (after TRUST_PROXY_HOPS) over the anonymous credential endpoints together. */
  perIp: { name: "auth-ip", limit: 30, windowMs: 60_000 },
  /** Per target email, whoever asks: guessing one account's password, or mail-bombing it. */
  perAccount: { name: "auth-account", limit: 10, windowMs: 60_000 },
} as const satisfies Record<string, RateLimitPolicy>;

/**
 * The endpoints that take credentials or mailed tokens without an access token: where passwords are
 * guessed and accounts enumerated. Signed-in `/auth/*` routes are covered by the access token (and
 * password change by the account lockout), so a busy office behind one NAT address keeps working.
 */
export const IP_LIMITED_PATHS = [
  "/api/v1/auth/register",
  "/api/v1/auth/login",
  "/api/v1/auth/refresh",
  "/api/v1/auth/email/verify",
  "/api/v1/auth/email/resend",
  "/api/v1/auth/password/forgot",
  "/api/v1/auth/password/reset",
] as const;

/** Endpoints whose body names an account by `email`. */
export const ACCOUNT_LIMITED_PATHS = [
  "/api/v1/auth/register",
  "/api/v1/auth/login",
  "/api/v1/auth/email/resend",
  "/api/v1/auth/password/forgot",
] as const;

/**
 * Registers the rate-limit middleware on the auth routes. It must be registered BEFORE the routes
 * (Hono runs handlers in registration order), so register-auth lists it first. Fails closed: with
 * the counter store down these routes answer 503 rather than go unprotected.
 */
export class AuthRateLimits implements Controller {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly logger: Pick<Logger, "warn">,
  ) {}

  register(app: OpenAPIHono<AppEnv>): void {
    const common = { limiter: this.limiter, failureMode: "closed", logger: this.logger } as const;
    const perIp = rateLimit({ ...common, policy: AUTH_RATE_LIMITS.perIp, key: () => ipKey() });
    const perAccount = rateLimit({ ...common, policy: AUTH_RATE_LIMITS.perAccount, key: accountKey });
    app.on("POST", [...IP_LIMITED_PATHS], perIp);
    app.on("POST", [...ACCOUNT_LIMITED_PATHS], perAccount);
  }
}

function ipKey(): string {
  return `auth-ip:${currentRequestContext()?.ip ?? "unknown"}`;
}

/**
 * The body's `email`, normalised and hashed (no address lands in the cache). Hono caches the parsed
 * body, so the route's validator reads the same parse; a body that is not JSON or has no email
 * passes here and is refused by validation.
 */
async function accountKey(c: Context): Promise<string | null> {
  if (!/json/i.test(c.req.header("content-type") ?? "")) return null;
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return null;
  }
  const email = (body as { email?: unknown } | null)?.email;
  if (typeof email !== "string" || email.trim() === "") return null;
  const digest = createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32);
  return `auth-account:${digest}`;
}
