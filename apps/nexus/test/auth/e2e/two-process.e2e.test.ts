import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH_RATE_LIMITS } from "@/contexts/auth/infrastructure/http/auth-rate-limits";
import { SigningKeySet } from "@/contexts/auth/infrastructure/security/signing-keys";
import { type SpawnedServer, spawnServer, waitUntil } from "../../support/spawn-server";
import { testConfig } from "../../support/test-config";
import { type ProvisionedDatabase, provisionTestDatabase } from "../../support/test-database";
import { AuthClient, fetchSender, PASSWORD, readJson } from "./support/auth-client";

/**
 * Two real servers (Bun) behind one PostgreSQL and one Redis, as in a horizontally scaled
 * deployment: what one instance revokes or counts, the other must see. Needs both real adapters,
 * so it runs only when DATABASE_URL and REDIS_URL are set (CI's second run sets them).
 */
const config = testConfig();
const realAdapters = Boolean(config.DATABASE_URL && config.REDIS_URL);
const title = realAdapters
  ? "auth across two server processes sharing PostgreSQL and Redis"
  : "auth across two server processes — skipped: needs DATABASE_URL and REDIS_URL (real PostgreSQL and Redis)";

/** Polls `probe` every 25 ms; fails if it has not held within `ms` (the spec's "within one second"). */
async function within(ms: number, what: string, probe: () => Promise<boolean>): Promise<void> {
  await waitUntil(probe, ms, what);
}

describe.skipIf(!realAdapters)(title, () => {
  let database: ProvisionedDatabase;
  let a: SpawnedServer;
  let b: SpawnedServer;
  let onA: AuthClient;
  let onB: AuthClient;

  beforeAll(async () => {
    database = await provisionTestDatabase();
    const { json } = await SigningKeySet.generate();
    const env = {
      ...database.env,
      REDIS_URL: config.REDIS_URL ?? "",
      REDIS_KEY_PREFIX: `nexus-test:${randomBytes(4).toString("hex")}:`,
      JWT_PRIVATE_KEYS: json,
      TRUST_PROXY_HOPS: "1",
      MIGRATE_ON_START: "false",
      LOG_LEVEL: "warn",
      REFRESH_REUSE_GRACE_SECONDS: "0", // a replay is reuse at once
    };
    [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
    for (const server of [a, b]) {
      await waitUntil(
        async () => (await fetch(`${server.url}/health/ready`)).status === 200,
        30_000,
        `${server.url} ready (${server.output.slice(-3).join(" | ")})`,
      );
    }
    const ip = "198.51.100.77";
    onA = new AuthClient(fetchSender(a.url), ip);
    onB = new AuthClient(fetchSender(b.url), ip);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.dispose();
  });

  const status = async (client: AuthClient, path: string, token: string) =>
    (await client.request(path, { token })).status;

  it("a session revoked on A stops working on B within one second", async () => {
    const { email } = await onA.signUp("two-a");
    const session = await onB.login(email);
    expect(await status(onA, "/api/v1/auth/me", session.accessToken)).toBe(200);
    expect(await status(onB, "/api/v1/auth/me", session.accessToken)).toBe(200);

    expect((await onA.request("/api/v1/auth/logout", { method: "POST", token: session.accessToken })).status).toBe(204);
    await within(
      1000,
      "B to refuse the revoked token",
      async () => (await status(onB, "/api/v1/auth/me", session.accessToken)) === 401,
    );
    expect(await status(onA, "/api/v1/auth/me", session.accessToken)).toBe(401);
  });

  it("replaying a rotated refresh token on B ends the session on both, access and refresh tokens alike", async () => {
    const { email } = await onA.signUp("two-b");
    const first = await onA.login(email);
    const rotated = await onA.request("/api/v1/auth/refresh", { json: { refreshToken: first.refreshToken } });
    expect(rotated.status).toBe(200);
    const fresh = (await rotated.json()) as { accessToken: string; refreshToken: string };
    expect(await status(onB, "/api/v1/auth/me", fresh.accessToken)).toBe(200);

    const replay = await onB.request("/api/v1/auth/refresh", { json: { refreshToken: first.refreshToken } });
    expect(replay.status).toBe(401);
    expect((await readJson(replay)).code).toBe("reuse-detected");

    for (const client of [onA, onB]) {
      await within(
        1000,
        "the fresh access token to die",
        async () => (await status(client, "/api/v1/auth/me", fresh.accessToken)) === 401,
      );
    }
    const refreshAgain = await onA.request("/api/v1/auth/refresh", { json: { refreshToken: fresh.refreshToken } });
    expect(refreshAgain.status).toBe(401);
  });

  it("shares the per-IP rate limit: A and B together allow one budget, not one each", async () => {
    const ip = "198.51.100.178";
    const clients = [new AuthClient(fetchSender(a.url), ip), new AuthClient(fetchSender(b.url), ip)];
    const statuses: number[] = [];
    const answeredBy = new Set<number>();
    while (statuses.length < AUTH_RATE_LIMITS.perIp.limit * 2) {
      const which = statuses.length % 2;
      const response = await clients[which]?.request("/api/v1/auth/refresh", {
        json: { refreshToken: "z".repeat(43) },
      });
      if (!response) throw new Error("no client");
      statuses.push(response.status);
      if (response.status === 429) break;
      answeredBy.add(which);
    }
    expect(answeredBy).toEqual(new Set([0, 1]));
    expect(statuses.at(-1)).toBe(429);
    // One shared budget: the 429 comes right after `limit` requests (one more may have leaked back in meanwhile).
    expect(statuses.length).toBeLessThanOrEqual(AUTH_RATE_LIMITS.perIp.limit + 2);
  });

  it("shares the login lockout: failures on A and B add up", async () => {
    const { email } = await onA.signUp("two-c");
    for (let attempt = 1; attempt <= 5; attempt++) {
      const client = attempt % 2 ? onA : onB;
      const response = await client.request("/api/v1/auth/login", {
        json: { email, password: `wrong-guess-${attempt}-xyz` },
      });
      expect(response.status).toBe(401);
    }
    for (const client of [onA, onB]) {
      const locked = await client.request("/api/v1/auth/login", { json: { email, password: PASSWORD } });
      expect(locked.status).toBe(401);
      expect((await readJson(locked)).code).toBe("invalid-credentials");
    }
  });
});
