import { describe, expect, it } from "vitest";
import type { HealthCheck } from "@/shared/infrastructure/http/health-check";
import { createTestApp } from "./support/http-test-app";

const up = (name: string): HealthCheck => ({ name, check: async () => {} });
const down = (name: string): HealthCheck => ({
  name,
  check: async () => {
    throw new Error(`${name} refused connection to secret-host:6379`);
  },
});
const hanging = (name: string): HealthCheck => ({ name, check: () => new Promise<void>(() => {}) });

describe("operational endpoints", () => {
  it("reports liveness without touching dependencies", async () => {
    const { app } = createTestApp({ healthChecks: [down("database")] });
    const res = await app.request("/health/live");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("reports ready when every check passes", async () => {
    const { app } = createTestApp({ healthChecks: [up("database"), up("cache")] });
    const res = await app.request("/health/ready");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready", checks: { database: "ok", cache: "ok" } });
  });

  it("answers 503 naming the failing and hanging dependencies, without their error messages", async () => {
    const { app } = createTestApp({
      healthChecks: [up("database"), down("cache"), hanging("queue")],
      readinessTimeoutMs: 50,
    });
    const res = await app.request("/health/ready");
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const text = await res.text();
    expect(text).not.toContain("secret-host");
    expect(JSON.parse(text)).toMatchObject({
      code: "service-unavailable",
      checks: { database: "ok", cache: "failed", queue: "timeout" },
    });
  });

  it("answers 503 once draining, even with healthy dependencies", async () => {
    const { app, readiness } = createTestApp({ healthChecks: [up("database")] });
    expect((await app.request("/health/ready")).status).toBe(200);
    readiness.setDraining();
    const res = await app.request("/health/ready");
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: "service-unavailable", draining: true });
  });

  it("exposes Prometheus metrics labelled by route pattern and status, never by raw path", async () => {
    const { app } = createTestApp();
    await app.request("/api/v1/items/0190a0e4-0000-7000-8000-000000000000");
    await app.request("/api/v1/items/0190a0e4-0000-7000-8000-000000000001");
    await app.request("/api/v1/items/nope");
    await app.request("/random/scanner/path");
    const res = await app.request("/metrics");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain("# TYPE http_requests_total counter");
    expect(text).toContain('http_requests_total{method="GET",route="/api/v1/items/:id",status="200"} 2');
    expect(text).toContain('http_requests_total{method="GET",route="/api/v1/items/:id",status="422"} 1');
    expect(text).toContain('http_requests_total{method="GET",route="(unmatched)",status="404"} 1');
    expect(text).toContain("# TYPE http_request_duration_seconds histogram");
    expect(text).toContain(
      'http_request_duration_seconds_count{method="GET",route="/api/v1/items/:id",status="200"} 2',
    );
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{method="GET",route="\/api\/v1\/items\/:id",status="200",le="\+Inf"\} 2/,
    );
    expect(text).not.toContain("0190a0e4");
    expect(text).not.toContain("scanner");
  });

  it("generates an OpenAPI 3.1 document from the routes' Zod schemas, with bearer auth", async () => {
    const { app } = createTestApp();
    const res = await app.request("/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      info: { title: string };
      paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
      components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBe("Nexus API");
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.paths["/api/v1/items"]?.post?.requestBody).toBeDefined();
    expect(doc.paths["/api/v1/items"]?.post?.responses["422"]).toBeDefined();
    expect(doc.paths["/api/v1/items/{id}"]?.get).toBeDefined();
    expect(doc.components.schemas.Problem).toBeDefined();
  });

  it("serves interactive docs at /docs", async () => {
    const { app } = createTestApp();
    const res = await app.request("/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    // Its script comes from our own dependencies (no CDN, no inline script), under a self-only CSP.
    const page = await res.text();
    expect(page).toContain('<script src="/docs/swagger-ui-bundle.js">');
    expect(page).not.toMatch(/https?:\/\//);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    const init = await app.request("/docs/docs-init.js");
    expect(await init.text()).toContain("/openapi.json");
    const bundle = await app.request("/docs/swagger-ui-bundle.js");
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get("content-type")).toMatch(/^text\/javascript/);
  });
});
