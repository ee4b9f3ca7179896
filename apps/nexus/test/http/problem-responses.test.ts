import { describe, expect, it } from "vitest";
import { createTestApp } from "./support/http-test-app";

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

async function problem(res: Response): Promise<Record<string, unknown>> {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  return (await res.json()) as Record<string, unknown>;
}

describe("problem+json error paths", () => {
  it("answers an unknown route with 404 not-found carrying type, instance and the trace id", async () => {
    const { app } = createTestApp();
    const res = await app.request("/api/v1/nowhere?x=1");
    expect(res.status).toBe(404);
    const body = await problem(res);
    expect(body).toMatchObject({
      type: "/problems/not-found",
      title: "Not found",
      status: 404,
      code: "not-found",
      instance: "/api/v1/nowhere",
    });
    expect(body.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(typeof body.detail).toBe("string");
  });

  it("answers a known path with the wrong method with 405 and an Allow header", async () => {
    const { app } = createTestApp();
    const res = await app.request("/api/v1/items", { method: "DELETE" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST, OPTIONS");
    expect(await problem(res)).toMatchObject({ code: "method-not-allowed", status: 405 });

    const param = await app.request("/api/v1/items/0190a0e4-0000-7000-8000-000000000000", { method: "PUT" });
    expect(param.status).toBe(405);
    expect(param.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });

  it("answers a plain OPTIONS with 204 and Allow", async () => {
    const { app } = createTestApp();
    const res = await app.request("/api/v1/items", { method: "OPTIONS" });
    expect(res.status).toBe(204);
    expect(res.headers.get("allow")).toBe("POST, OPTIONS");
  });

  it("answers malformed JSON with 400 malformed-json", async () => {
    const { app } = createTestApp();
    const res = await app.request("/api/v1/items", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"items": [',
    });
    expect(res.status).toBe(400);
    expect(await problem(res)).toMatchObject({ code: "malformed-json", type: "/problems/malformed-json" });
  });

  it("answers a body in another media type, or without one, with 415", async () => {
    const { app } = createTestApp();
    const text = await app.request("/api/v1/items", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: '{"items":[]}',
    });
    expect(text.status).toBe(415);
    expect(await problem(text)).toMatchObject({ code: "unsupported-media-type" });

    const none = await app.request("/api/v1/items", { method: "POST", body: new Blob(['{"items":[]}']) });
    expect(none.status).toBe(415);
  });

  it("answers a body over BODY_LIMIT_BYTES with 413, by Content-Length or while streaming", async () => {
    const { app } = createTestApp({ env: { BODY_LIMIT_BYTES: "2048" } });
    const big = JSON.stringify({ items: [{ sku: "x".repeat(3000), quantity: 1 }] });
    const declared = await app.request("/api/v1/items", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(big.length) },
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(await problem(declared)).toMatchObject({ code: "payload-too-large", status: 413 });

    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const chunked = await app.request("/api/v1/items", {
      method: "POST",
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);

    const small = await app.request("/api/v1/items", json({ items: [{ sku: "a", quantity: 1 }] }));
    expect(small.status).toBe(201);
  });

  it("answers invalid fields with 422 and JSON pointers to each of them", async () => {
    const { app } = createTestApp();
    const res = await app.request(
      "/api/v1/items",
      json({
        items: [
          { sku: "a", quantity: 1 },
          { sku: "", quantity: -2 },
        ],
      }),
    );
    expect(res.status).toBe(422);
    const body = await problem(res);
    expect(body).toMatchObject({ code: "validation-failed", type: "/problems/validation-failed", status: 422 });
    const errors = body.errors as { pointer: string; message: string }[];
    expect(errors.map((e) => e.pointer).sort()).toEqual(["/items/1/quantity", "/items/1/sku"]);
    expect(errors.every((e) => e.message.length > 0)).toBe(true);
  });

  it("points at path and query parameters too", async () => {
    const { app } = createTestApp();
    const badId = await problem(await app.request("/api/v1/items/not-a-uuid"));
    expect(badId).toMatchObject({ status: 422, detail: "The path parameters are invalid." });
    expect(badId.errors).toEqual([expect.objectContaining({ pointer: "/id" })]);

    const badQuery = await problem(await app.request("/api/v1/items/0190a0e4-0000-7000-8000-000000000000?limit=999"));
    expect(badQuery.errors).toEqual([expect.objectContaining({ pointer: "/limit" })]);
  });

  it("answers an unexpected error with 500 internal-error, without internals, and logs the stack", async () => {
    const { app, logs } = createTestApp();
    const res = await app.request("/api/v1/boom");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/SELECT|auth\.users|at .*\.ts|stack/i);
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(body).toMatchObject({ code: "internal-error", status: 500 });
    const logged = logs.lines.find((l) => l.msg === "unhandled error");
    expect(logged?.level).toBe("error");
    expect(JSON.stringify(logged?.err)).toContain("auth.users");
    expect((logged?.err as { stack?: string } | undefined)?.stack).toContain("Error:");
  });

  it("maps database outages to 503 and constraint violations to 409 through translateDatabaseError", async () => {
    const { app } = createTestApp();
    const down = await app.request("/api/v1/db-down");
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("5");
    const downBody = await problem(down);
    expect(downBody).toMatchObject({ code: "service-unavailable" });
    expect(JSON.stringify(downBody)).not.toContain("5432");

    const dup = await app.request("/api/v1/duplicate");
    expect(dup.status).toBe(409);
    const dupBody = await problem(dup);
    expect(dupBody).toMatchObject({ code: "conflict", type: "/problems/conflict" });
    expect(JSON.stringify(dupBody)).not.toContain("products_sku_key");
  });

  it("maps use-case Results through an error catalogue: value with the ok status, each code's status and title, extensions kept", async () => {
    const { app } = createTestApp();
    const created = await app.request("/api/v1/orders/4", { method: "POST" });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ n: 4 });

    const short = await problem(await app.request("/api/v1/orders/102", { method: "POST" }));
    expect(short).toMatchObject({
      status: 409,
      code: "insufficient-stock",
      title: "Insufficient stock",
      detail: "Not enough flour.",
      shortages: ["flour"],
      type: "/problems/insufficient-stock",
    });

    const odd = await problem(await app.request("/api/v1/orders/3", { method: "POST" }));
    expect(odd).toMatchObject({ status: 422, code: "odd", title: "Odd number", detail: "Odd numbers are refused." });
  });

  it("serves a short human page for each problem type", async () => {
    const { app } = createTestApp();
    const page = await app.request("/problems/validation-failed");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain("<h1>Validation failed</h1>");
    expect(html).toContain("HTTP 422");

    const domain = await app.request("/problems/insufficient-stock");
    expect(await domain.text()).toContain("Insufficient stock");

    const bogus = await app.request("/problems/%3Cscript%3E");
    expect(bogus.status).toBe(404);
  });
});
