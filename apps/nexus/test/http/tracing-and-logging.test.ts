import { describe, expect, it } from "vitest";
import { createTestApp } from "./support/http-test-app";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const PARENT = "00f067aa0ba902b7";

describe("request id, trace context and request logging", () => {
  it("uses one trace id in x-request-id, traceparent, the problem body and every log line", async () => {
    const { app, logs } = createTestApp();
    const res = await app.request("/api/v1/boom");
    const body = (await res.json()) as { traceId: string };
    const requestId = res.headers.get("x-request-id");
    expect(body.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(requestId).toBe(body.traceId);
    expect(res.headers.get("traceparent")).toMatch(new RegExp(`^00-${body.traceId}-[0-9a-f]{16}-01$`));
    expect(logs.lines.length).toBeGreaterThanOrEqual(2);
    for (const line of logs.lines) expect(line.traceId).toBe(body.traceId);
  });

  it("continues a valid incoming traceparent with a new span of its own", async () => {
    const { app, logs } = createTestApp();
    const res = await app.request("/api/v1/nowhere", { headers: { traceparent: `00-${TRACE}-${PARENT}-01` } });
    const body = (await res.json()) as { traceId: string };
    expect(body.traceId).toBe(TRACE);
    const [, trace, span, flags] = (res.headers.get("traceparent") ?? "").split("-");
    expect(trace).toBe(TRACE);
    expect(span).toMatch(/^[0-9a-f]{16}$/);
    expect(span).not.toBe(PARENT);
    expect(flags).toBe("01");
    expect(logs.requestLine("/api/v1/nowhere")?.traceId).toBe(TRACE);
  });

  it.each([
    ["garbage", "not-a-traceparent"],
    ["all-zero trace id", `00-${"0".repeat(32)}-${PARENT}-01`],
    ["upper case", `00-${TRACE.toUpperCase()}-${PARENT}-01`],
    ["version ff", `ff-${TRACE}-${PARENT}-01`],
  ])("starts a new trace when the incoming traceparent is invalid (%s)", async (_name, traceparent) => {
    const { app } = createTestApp();
    const res = await app.request("/health/live", { headers: { traceparent } });
    const trace = (res.headers.get("traceparent") ?? "").split("-")[1];
    expect(trace).toMatch(/^[0-9a-f]{32}$/);
    expect(trace).not.toBe(TRACE);
    expect(trace).not.toBe("0".repeat(32));
  });

  it("echoes a safe caller x-request-id and replaces an unsafe one", async () => {
    const { app } = createTestApp();
    const echoed = await app.request("/health/live", { headers: { "x-request-id": "lb-123.abc" } });
    expect(echoed.headers.get("x-request-id")).toBe("lb-123.abc");
    const replaced = await app.request("/health/live", { headers: { "x-request-id": "bad id\twith spaces" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
  });

  it("writes one line per request with method, route pattern, status, duration, user and organization", async () => {
    const { app, logs } = createTestApp();
    await app.request("/api/v1/me");
    const line = logs.requestLine("/api/v1/me");
    expect(line).toMatchObject({
      level: "info",
      method: "GET",
      route: "/api/v1/me",
      status: 200,
      userId: "user-1",
      organizationId: "org-1",
    });
    expect(typeof line?.durationMs).toBe("number");
    expect(logs.lines.filter((l) => l.msg === "request completed")).toHaveLength(1);

    await app.request("/api/v1/items/0190a0e4-0000-7000-8000-000000000000");
    expect(logs.requestLine("/api/v1/items/0190a0e4-0000-7000-8000-000000000000")?.route).toBe("/api/v1/items/:id");
  });

  it("redacts secrets at any depth in lines logged while serving", async () => {
    const { app, logs } = createTestApp();
    await app.request("/api/v1/log-inside");
    const inside = logs.lines.find((l) => l.msg === "inside");
    expect(inside).toMatchObject({
      password: "[REDACTED]",
      nested: { refreshToken: "[REDACTED]", deeper: { authorization: "[REDACTED]" } },
    });
    expect(JSON.stringify(logs.lines)).not.toMatch(/hunter2|Bearer x|"rt"/);
  });

  it("takes the client IP from the socket, or the N-th X-Forwarded-For entry from the right with TRUST_PROXY_HOPS", async () => {
    const direct = createTestApp();
    const xff = { "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.2" };
    await direct.app.request("/api/v1/me", { headers: xff }, { remoteAddress: "::ffff:10.0.0.1" });
    expect(direct.logs.requestLine("/api/v1/me")?.ip).toBe("10.0.0.1");

    const proxied = createTestApp({ env: { TRUST_PROXY_HOPS: "2" } });
    await proxied.app.request("/api/v1/me", { headers: xff }, { remoteAddress: "10.0.0.1" });
    expect(proxied.logs.requestLine("/api/v1/me")?.ip).toBe("203.0.113.7");
  });

  it("gives each request its own DI scope and disposes it after the response", async () => {
    const { app, scopes } = createTestApp();
    await app.request("/api/v1/items/0190a0e4-0000-7000-8000-000000000000");
    await app.request("/api/v1/items/0190a0e4-0000-7000-8000-000000000001");
    expect(scopes.disposed).toBe(2);
  });
});
