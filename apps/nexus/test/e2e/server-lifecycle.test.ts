import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SpawnedServer, spawnServer, waitUntil } from "../support/spawn-server";
import { type ProvisionedDatabase, provisionTestDatabase } from "../support/test-database";

// The README's `npm start` path for real: Bun, the composition root, the HTTP adapter, migrations.
describe("server process (npm start)", () => {
  let database: ProvisionedDatabase;
  let server: SpawnedServer;

  beforeAll(async () => {
    database = await provisionTestDatabase();
    server = await spawnServer({ ...database.env, MIGRATE_ON_START: "true" });
    await waitUntil(async () => (await fetch(`${server.url}/health/ready`)).ok, 30_000, "readiness");
  });

  afterAll(async () => {
    await server?.stop("SIGKILL");
    await database?.dispose();
  });

  it("is ready with every dependency checked", async () => {
    const response = await fetch(`${server.url}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ready",
      checks: { database: "ok", cache: "ok", queue: "ok" },
    });
  });

  it("serves the OpenAPI 3.1 document and the interactive docs", async () => {
    const doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as { openapi: string; paths: object };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).length).toBeGreaterThan(0);
    const docs = await fetch(`${server.url}/docs`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-type")).toContain("text/html");
  });

  it("answers an unknown path with a 404 problem whose trace id matches the header and the log line", async () => {
    const response = await fetch(`${server.url}/no/such/path`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const body = (await response.json()) as { traceId: string; code: string; type: string };
    expect(body.code).toBe("not-found");
    expect(body.type).toBe("/problems/not-found");
    expect(response.headers.get("x-request-id")).toBe(body.traceId);
    await waitUntil(() => server.lines.some((l) => l.path === "/no/such/path"), 5_000, "the access log line");
    const line = server.lines.find((l) => l.path === "/no/such/path");
    expect(line).toMatchObject({ traceId: body.traceId, status: 404, method: "GET" });
  });

  it("continues an incoming W3C traceparent", async () => {
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const response = await fetch(`${server.url}/health/live`, {
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    expect(response.headers.get("traceparent")).toContain(traceId);
  });

  it("on SIGTERM fails readiness, finishes, and exits 0", async () => {
    const code = await server.stop("SIGTERM");
    expect(code).toBe(0);
    expect(server.lines.some((l) => l.msg === "shutdown complete")).toBe(true);
  });
});
