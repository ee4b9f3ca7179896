import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app";

const LOGIN = { email: "nobody@example.com", password: "correct horse battery staple" };

describe("API rate limit", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ API_RATE_LIMIT_PER_MINUTE: "3" });
  });
  afterAll(() => t?.dispose());

  it("limits every /api request per client IP and answers 429 with the policy listed", async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await t.request("/api/v1/auth/me");
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(last?.headers.get("RateLimit")).toContain('"api-ip";r=0');
    expect(last?.headers.get("Retry-After")).toMatch(/^\d+$/);
  });

  it("leaves operational endpoints outside /api alone", async () => {
    for (let i = 0; i < 5; i++) expect((await t.request("/health/live")).status).toBe(200);
  });
});

// Redis down: the blanket API quota fails open, the auth routes' brute-force limits fail closed.
// Never a 500. (A closed port stands for Redis being down; the in-process store cannot fail.)
describe("when the rate-limit store is down", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ REDIS_URL: "redis://127.0.0.1:1" });
  });
  afterAll(() => t?.dispose());

  it("fails closed on auth routes with a 503 problem", async () => {
    const response = await t.request("/api/v1/auth/login", { json: LOGIN });
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(((await response.json()) as { code: string }).code).toBe("service-unavailable");
  });

  it("fails open elsewhere: the API quota lets the request reach its route", async () => {
    const response = await t.request("/api/v1/auth/me");
    expect(response.status).toBe(401); // the guard answered: the quota did not block it
    expect(t.logs.some((l) => l.msg === "rate limiter unavailable" && l.failureMode === "open")).toBe(true);
  });

  it("reports the cache as down in readiness", async () => {
    const ready = await t.request("/health/ready");
    expect(ready.status).toBe(503);
    expect(JSON.stringify(await ready.json())).toContain("cache");
  });
});
