import { Hono } from "hono";
import { afterAll, describe, expect, it } from "vitest";
import { RedisConnection } from "@/shared/infrastructure/cache/redis-connection";
import { createLogger } from "@/shared/infrastructure/logging/logger";
import { runWithRequestContext } from "@/shared/infrastructure/request-context/request-context";
import { InMemoryRateLimiter } from "./in-memory.rate-limiter";
import { type RateLimitOptions, rateLimit } from "./rate-limit.middleware";
import type { RateLimiter } from "./rate-limiter.port";
import { RedisRateLimiter } from "./redis.rate-limiter";

const policy = { name: "login", limit: 2, windowMs: 60_000 };
const REQUEST = { requestId: "req-1", traceId: "trace-1", spanId: "span-1", ip: null, userAgent: null, method: "GET" };

function appWith(options: Partial<RateLimitOptions> & Pick<RateLimitOptions, "limiter">) {
  const app = new Hono();
  app.use("*", (c, next) => runWithRequestContext({ ...REQUEST, path: c.req.path }, () => next()));
  app.use(
    "/limited/*",
    rateLimit({ policy, key: (c) => c.req.header("x-client") ?? null, failureMode: "open", ...options }),
  );
  app.get("/limited/ping", (c) => c.json({ ok: true }));
  return app;
}

const get = (app: Hono, headers: Record<string, string> = { "x-client": "a" }) =>
  app.request("/limited/ping", { headers });

describe("rateLimit middleware", () => {
  const fixedClock = () => 1_700_000_000_000;

  it("advertises the policy and what is left on allowed responses", async () => {
    const app = appWith({ limiter: new InMemoryRateLimiter(fixedClock) });
    const first = await get(app);
    expect(first.status).toBe(200);
    expect(first.headers.get("RateLimit-Policy")).toBe('"login";q=2;w=60');
    expect(first.headers.get("RateLimit")).toBe('"login";r=1;t=30');
    expect((await get(app)).headers.get("RateLimit")).toBe('"login";r=0;t=60');
  });

  it("answers 429 problem+json with Retry-After once the limit is reached", async () => {
    const app = appWith({ limiter: new InMemoryRateLimiter(fixedClock) });
    await get(app);
    await get(app);
    const denied = await get(app);
    expect(denied.status).toBe(429);
    expect(denied.headers.get("Content-Type")).toBe("application/problem+json");
    expect(denied.headers.get("Retry-After")).toBe("30");
    expect(denied.headers.get("RateLimit")).toBe('"login";r=0;t=60');
    expect(await denied.json()).toEqual({
      type: "/problems/rate-limited",
      title: "Too many requests",
      status: 429,
      detail: "Rate limit exceeded; retry in 30 s.",
      instance: "/limited/ping",
      code: "rate-limited",
      traceId: "trace-1",
    });
    expect((await get(app, { "x-client": "b" })).status).toBe(200); // another client is unaffected
  });

  it("lists every policy guarding a route, keeping the inner policy's 429 headers", async () => {
    const limiter = new InMemoryRateLimiter(fixedClock);
    const app = new Hono();
    app.use("*", (c, next) => runWithRequestContext({ ...REQUEST, path: c.req.path }, () => next()));
    app.use(
      "*",
      rateLimit({ limiter, policy: { name: "ip", limit: 10, windowMs: 60_000 }, key: () => "ip", failureMode: "open" }),
    );
    app.use("*", rateLimit({ limiter, policy, key: () => "account", failureMode: "open" }));
    app.get("/", (c) => c.json({ ok: true }));
    await app.request("/");
    await app.request("/");
    const denied = await app.request("/");
    expect(denied.status).toBe(429);
    expect(denied.headers.get("RateLimit")).toBe('"login";r=0;t=60, "ip";r=7;t=18');
    expect(denied.headers.get("RateLimit-Policy")).toBe('"login";q=2;w=60, "ip";q=10;w=60');
  });

  it("does not limit requests without a key", async () => {
    const app = appWith({ limiter: new InMemoryRateLimiter(fixedClock) });
    for (let i = 0; i < 3; i++) {
      const res = await get(app, {});
      expect(res.status).toBe(200);
      expect(res.headers.get("RateLimit")).toBeNull();
    }
  });

  describe("when the store is down", () => {
    const connection = new RedisConnection("redis://127.0.0.1:1");
    const limiter = new RedisRateLimiter(connection);
    afterAll(() => connection.close());

    it("fails open: lets the request through and logs a warning", { timeout: 5_000 }, async () => {
      const lines: string[] = [];
      const logger = createLogger({ LOG_LEVEL: "warn" }, { write: (line: string) => void lines.push(line) });
      const app = appWith({ limiter, failureMode: "open", logger });
      const res = await get(app);
      expect(res.status).toBe(200);
      expect(lines.map((line) => JSON.parse(line))).toMatchObject([
        { level: "warn", msg: "rate limiter unavailable", policy: "login", failureMode: "open", traceId: "trace-1" },
      ]);
    });

    it("fails closed: answers 503 problem+json, never 500", { timeout: 5_000 }, async () => {
      const app = appWith({ limiter, failureMode: "closed" });
      const res = await get(app);
      expect(res.status).toBe(503);
      expect(res.headers.get("Content-Type")).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({
        type: "/problems/service-unavailable",
        status: 503,
        code: "service-unavailable",
        traceId: "trace-1",
      });
    });
  });

  it("does not mask a limiter bug as an outage", async () => {
    const broken: RateLimiter = { consume: () => Promise.reject(new RangeError("bug")) };
    const app = appWith({ limiter: broken, failureMode: "open" });
    app.onError((error, c) => c.text(error.message, 500));
    const res = await get(app);
    expect(res.status).toBe(500);
  });
});
