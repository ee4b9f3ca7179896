import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Application, createApplication } from "@/app/composition-root";
import { AuthTokens } from "@/contexts/auth/infrastructure/auth.tokens";
import { SigningKeySet } from "@/contexts/auth/infrastructure/security/signing-keys";
import { AuthClient } from "../auth/e2e/support/auth-client";
import { testConfig } from "../support/test-config";
import { type ProvisionedDatabase, provisionTestDatabase } from "../support/test-database";
import { startRedisProxy } from "../support/test-redis";
import { waitUntil } from "../support/wait";

/**
 * Two instances sharing PostgreSQL and Redis; instance A reaches Redis through a proxy the test cuts
 * (ADR 0010). While A is cut off: a logout on A succeeds and holds on A at once (database fallback),
 * business requests keep working, the brute-force limits fail closed. B, whose subscription never
 * dropped, learns of the logout once the relay can broadcast it: nothing is lost.
 */
const config = testConfig();
const realAdapters = Boolean(config.DATABASE_URL && config.REDIS_URL);
const title = realAdapters
  ? "revocations while Redis is down for an instance"
  : "revocations while Redis is down — skipped: needs DATABASE_URL and REDIS_URL (a real Redis to cut)";

describe.skipIf(!realAdapters)(title, () => {
  let database: ProvisionedDatabase;
  let proxy: Awaited<ReturnType<typeof startRedisProxy>>;
  let a: Application;
  let b: Application;

  beforeAll(async () => {
    database = await provisionTestDatabase();
    proxy = await startRedisProxy(config.REDIS_URL ?? "");
    const shared = {
      ...database.env,
      REDIS_KEY_PREFIX: `nexus-test:${randomBytes(4).toString("hex")}:`,
      SQS_QUEUE_NAME: `nexus-test-${randomBytes(4).toString("hex")}`,
      JWT_PRIVATE_KEYS: (await SigningKeySet.generate()).json,
      TRUST_PROXY_HOPS: "1",
    };
    a = await createApplication(testConfig({ ...shared, REDIS_URL: proxy.url }));
    b = await createApplication(testConfig({ ...shared, REDIS_URL: config.REDIS_URL ?? "" }));
    await Promise.all([a.start(), b.start()]);
  }, 60_000);

  afterAll(async () => {
    await proxy?.restore().catch(() => undefined);
    await Promise.all([a?.stop(), b?.stop()]);
    await proxy?.cut();
    await database?.dispose();
  });

  const feed = (app: Application) => app.container.resolve(AuthTokens.RevocationFeed);
  const client = (app: Application, ip: string) =>
    new AuthClient(async (path, init = {}) => {
      const headers: Record<string, string> = { ...init.headers };
      if (init.json !== undefined) headers["content-type"] = "application/json";
      const method = init.method ?? (init.json === undefined ? "GET" : "POST");
      const body = init.json === undefined ? undefined : JSON.stringify(init.json);
      return app.http.request(path, { method, headers, ...(body ? { body } : {}) });
    }, ip);

  it("a logout while Redis is down holds everywhere, business goes on, brute-force limits fail closed", async () => {
    const ip = "198.51.100.91";
    const [onA, onB] = [client(a, ip), client(b, ip)];
    const owner = await onA.owner("outage");
    const doomed = await onA.login(owner.email, { organizationId: owner.organizationId });
    await waitUntil(() => feed(a).live && feed(b).live, 10_000, "both revocation feeds live");
    const status = async (on: AuthClient, path: string, token: string) => (await on.request(path, { token })).status;
    expect(await status(onB, "/api/v1/auth/me", doomed.accessToken)).toBe(200);

    await proxy.cut();
    await waitUntil(() => !feed(a).live, 10_000, "A's feed to notice the outage");
    const logout = await onA.request("/api/v1/auth/logout", { method: "POST", token: doomed.accessToken });
    expect(logout.status).toBe(204);
    expect(await status(onA, "/api/v1/auth/me", doomed.accessToken)).toBe(401);
    expect(await status(onA, "/api/v1/organizations", owner.tokens.accessToken)).toBe(200);
    expect(await status(onA, "/api/v1/auth/me", owner.tokens.accessToken)).toBe(200);
    const login = await onA.request("/api/v1/auth/login", { json: { email: owner.email, password: "whatever" } });
    expect(login.status).toBe(503);

    await proxy.restore();
    await waitUntil(() => feed(a).live, 10_000, "A's feed to be live again");
    await waitUntil(
      async () => (await status(onB, "/api/v1/auth/me", doomed.accessToken)) === 401,
      30_000,
      "B to refuse the token once the relay could broadcast the logout",
    );
    expect(await status(onA, "/api/v1/auth/me", doomed.accessToken)).toBe(401);
    expect(await status(onB, "/api/v1/organizations", owner.tokens.accessToken)).toBe(200);
  });
});
