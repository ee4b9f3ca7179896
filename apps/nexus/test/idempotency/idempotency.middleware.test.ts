import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "@/shared/infrastructure/database/database-client";
import { DrizzleIdempotencyStore } from "@/shared/infrastructure/idempotency/drizzle-idempotency.store";
import { idempotency } from "@/shared/infrastructure/idempotency/idempotency.middleware";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const TTL_SECONDS = 3600;

let db: TestDatabase;
let store: DrizzleIdempotencyStore;

beforeAll(async () => {
  db = await createTestDatabase();
  store = new DrizzleIdempotencyStore(db.client);
});
afterAll(() => db.dispose());

interface Harness {
  app: OpenAPIHono;
  calls: () => number;
  /** What the next handler invocation does instead of answering 201 at once. */
  behave: (fn: Behaviour) => void;
}
type Behaviour = (body: { name: string }) => Promise<Response | undefined>;

let nextKey = 0;
const freshKey = () => `key-${Date.now()}-${nextKey++}`;

function harness(options: { required?: boolean } = {}): Harness {
  let calls = 0;
  let behaviour: Behaviour = async () => undefined;
  const app = new OpenAPIHono();
  app.onError((_error, c) => c.json({ code: "internal-error" }, 500));
  const guard = idempotency({
    store,
    required: options.required ?? true,
    scope: (c) => c.req.header("x-org") ?? "no-org",
    ttlSeconds: TTL_SECONDS,
  });
  const createThing = createRoute({
    method: "post",
    path: "/things",
    middleware: [guard] as const,
    request: { body: { content: { "application/json": { schema: z.object({ name: z.string() }) } } } },
    responses: { 201: { description: "created" } },
  });
  app.openapi(createThing, async (c) => {
    calls++;
    const body = c.req.valid("json");
    const custom = await behaviour(body);
    if (custom) return custom;
    c.header("Location", `/things/${calls}`);
    return c.json({ id: calls, name: body.name }, 201);
  });
  app.post("/other", guard, (c) => {
    calls++;
    return c.json({ other: true }, 201);
  });
  return {
    app,
    calls: () => calls,
    behave: (fn) => {
      behaviour = fn;
    },
  };
}

function post(h: Harness, key: string | undefined, body: unknown, org = "org-a", path = "/things") {
  const headers: Record<string, string> = { "content-type": "application/json", "x-org": org };
  if (key !== undefined) headers["Idempotency-Key"] = key;
  return h.app.request(path, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("idempotency middleware", () => {
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });

  it("stores the first response and replays it for the same key and body without running the handler", async () => {
    const key = freshKey();
    const first = await post(h, key, { name: "bread" });
    expect(first.status).toBe(201);
    expect(first.headers.get("Idempotency-Replayed")).toBeNull();
    const firstBody = await first.json();

    const replay = await post(h, key, { name: "bread" });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("Idempotency-Replayed")).toBe("true");
    expect(replay.headers.get("location")).toBe(first.headers.get("location"));
    expect(replay.headers.get("content-type")).toMatch(/application\/json/);
    expect(await replay.json()).toEqual(firstBody);
    expect(h.calls()).toBe(1);
  });

  it("treats a re-encoded JSON body (key order, whitespace) as the same request", async () => {
    const key = freshKey();
    await post(h, key, { name: "bread" });
    const replay = await post(h, key, '{ "name" :  "bread" }');
    expect(replay.headers.get("Idempotency-Replayed")).toBe("true");
    expect(h.calls()).toBe(1);
  });

  it("answers 422 for the same key with a different body", async () => {
    const key = freshKey();
    await post(h, key, { name: "bread" });
    const res = await post(h, key, { name: "cake" });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ code: "idempotency-key-reused", status: 422 });
    expect(h.calls()).toBe(1);
  });

  it("answers 409 while the first request is still in flight, then replays once it finished", async () => {
    const key = freshKey();
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => {
      finish = resolve;
    });
    h.behave(async () => {
      await gate;
      return undefined;
    });
    const first = post(h, key, { name: "bread" });
    await until(() => h.calls() === 1, "the first handler to start");

    const concurrent = await post(h, key, { name: "bread" });
    expect(concurrent.status).toBe(409);
    expect(concurrent.headers.get("retry-after")).toBe("1");
    expect(await concurrent.json()).toMatchObject({ code: "idempotency-request-in-progress" });

    finish();
    expect((await first).status).toBe(201);
    const after = await post(h, key, { name: "bread" });
    expect(after.headers.get("Idempotency-Replayed")).toBe("true");
    expect(h.calls()).toBe(1);
  });

  it("runs the handler again once the stored response expired", async () => {
    const key = freshKey();
    await post(h, key, { name: "bread" });
    await db.client.db.execute(
      sql`update platform.idempotency_keys set expires_at = now() - interval '1 second' where key = ${key}`,
    );
    const again = await post(h, key, { name: "cake" });
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotency-Replayed")).toBeNull();
    expect(await again.json()).toMatchObject({ name: "cake" });
    expect(h.calls()).toBe(2);
  });

  it("keeps completed responses for the configured TTL", async () => {
    const key = freshKey();
    await post(h, key, { name: "bread" });
    const [row] = await queryRows<{ seconds: number }>(
      db.client.db,
      sql`select extract(epoch from expires_at - now())::float8 as seconds from platform.idempotency_keys where key = ${key}`,
    );
    expect(Number(row?.seconds)).toBeGreaterThan(TTL_SECONDS - 60);
    expect(Number(row?.seconds)).toBeLessThanOrEqual(TTL_SECONDS);
  });

  it("releases the claim when the handler throws, so the client can retry with the same key", async () => {
    const key = freshKey();
    h.behave(async () => {
      throw new Error("boom");
    });
    expect((await post(h, key, { name: "bread" })).status).toBe(500);

    h.behave(async () => undefined);
    const retry = await post(h, key, { name: "bread" });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("Idempotency-Replayed")).toBeNull();
    expect(h.calls()).toBe(2);
  });

  it("does not store a 5xx response", async () => {
    const key = freshKey();
    h.behave(async () => new Response("down", { status: 503 }));
    expect((await post(h, key, { name: "bread" })).status).toBe(503);
    h.behave(async () => undefined);
    expect((await post(h, key, { name: "bread" })).status).toBe(201);
    expect(h.calls()).toBe(2);
  });

  it("stores and replays a 4xx answer of the handler", async () => {
    const key = freshKey();
    h.behave(async () => Response.json({ code: "insufficient-stock" }, { status: 409 }));
    expect((await post(h, key, { name: "bread" })).status).toBe(409);
    const replay = await post(h, key, { name: "bread" });
    expect(replay.status).toBe(409);
    expect(replay.headers.get("Idempotency-Replayed")).toBe("true");
    expect(await replay.json()).toEqual({ code: "insufficient-stock" });
    expect(h.calls()).toBe(1);
  });

  it("scopes keys per organization", async () => {
    const key = freshKey();
    const a = await post(h, key, { name: "bread" }, "org-a");
    const b = await post(h, key, { name: "bread" }, "org-b");
    expect(b.status).toBe(201);
    expect(b.headers.get("Idempotency-Replayed")).toBeNull();
    expect(await b.json()).not.toEqual(await a.json());
    expect(h.calls()).toBe(2);
  });

  it("scopes keys per route", async () => {
    const key = freshKey();
    await post(h, key, { name: "bread" });
    const other = await post(h, key, { name: "bread" }, "org-a", "/other");
    expect(other.status).toBe(201);
    expect(await other.json()).toEqual({ other: true });
    expect(h.calls()).toBe(2);
  });

  it("requires the header when configured to, with a 400 problem", async () => {
    const res = await post(h, undefined, { name: "bread" });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "idempotency-key-required", status: 400 });
    expect(h.calls()).toBe(0);
  });

  it("runs without a key when the header is optional, storing nothing", async () => {
    const optional = harness({ required: false });
    expect((await post(optional, undefined, { name: "bread" })).status).toBe(201);
    expect((await post(optional, undefined, { name: "bread" })).status).toBe(201);
    expect(optional.calls()).toBe(2);
  });

  it("rejects keys that are too long or not printable ASCII", async () => {
    for (const key of ["x".repeat(256), "caf\u00e9"]) {
      const res = await h.app.request("/things", {
        method: "POST",
        headers: { "content-type": "application/json", "Idempotency-Key": key },
        body: "{}",
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: "idempotency-key-invalid" });
    }
    expect((await post(h, "x".repeat(255), { name: "bread" })).status).toBe(201);
    expect(h.calls()).toBe(1);
  });
});
