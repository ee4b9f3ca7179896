import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SpawnedServer, spawnServer, waitUntil } from "../support/spawn-server";
import { type ProvisionedDatabase, provisionTestDatabase } from "../support/test-database";
import type { paths } from "./generated/nexus-api";

// A client team's view: the client generated from /openapi.json (openapi-typescript + openapi-fetch),
// type-checked by `npm run check`, driving a running server through a whole flow. A route whose
// shape changes breaks this file's compilation before it breaks anyone's SDK.
describe("the typed client generated from /openapi.json, against a running server", () => {
  let database: ProvisionedDatabase;
  let server: SpawnedServer;
  let api: ReturnType<typeof createClient<paths>>;

  beforeAll(async () => {
    database = await provisionTestDatabase();
    server = await spawnServer({ ...database.env, MIGRATE_ON_START: "true", API_RATE_LIMIT_PER_MINUTE: "0" });
    await waitUntil(async () => (await fetch(`${server.url}/health/ready`)).ok, 30_000, "readiness");
    api = createClient<paths>({ baseUrl: server.url });
  });

  afterAll(async () => {
    await server?.stop("SIGKILL");
    await database?.dispose();
  });

  it("registers, verifies, signs in, creates an organization and lists its members", { timeout: 60_000 }, async () => {
    const email = `typed-${Date.now()}@example.com`;
    const password = "Sourdough-starter-at-4am";
    const registered = await api.POST("/api/v1/auth/register", { body: { email, password, name: "Typed Client" } });
    expect(registered.response.status).toBe(202);

    let token = "";
    await waitUntil(async () => {
      // Mail is queued in the outbox and delivered by the relay.
      const mailbox = await api.GET("/dev/mailbox", { params: { query: { to: email } } });
      token = /Your token is:\s*\n(\S+)/.exec(mailbox.data?.items[0]?.text ?? "")?.[1] ?? "";
      return token !== "";
    });
    const verified = await api.POST("/api/v1/auth/email/verify", { body: { token } });
    expect(verified.response.status).toBe(204);

    const login = await api.POST("/api/v1/auth/login", { body: { email, password } });
    expect(login.error).toBeUndefined();
    const headers = { authorization: `Bearer ${login.data?.accessToken}` };

    const created = await api.POST("/api/v1/organizations", {
      headers,
      body: { name: "Padaria Tipada", currency: "EUR", timezone: "Europe/Lisbon" },
    });
    const organizationId = created.data?.id ?? "";
    expect(created.data?.role).toBe("owner");

    const members = await api.GET("/api/v1/organizations/{id}/members", {
      headers,
      params: { path: { id: organizationId }, query: { limit: 10 } },
    });
    expect(members.data?.items.map((m) => m.email)).toEqual([email]);
    expect(members.data?.nextCursor).toBeNull();
  });

  it("surfaces errors as the documented problem type", async () => {
    const me = await api.GET("/api/v1/auth/me", { headers: { authorization: "Bearer not-a-token" } });
    expect(me.response.status).toBe(401);
    expect(me.error?.code).toBe("unauthenticated");
    expect(me.error?.type).toBe("/problems/unauthenticated");
  });
});
