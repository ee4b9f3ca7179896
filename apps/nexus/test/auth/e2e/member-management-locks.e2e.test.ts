import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SigningKeySet } from "@/contexts/auth/infrastructure/security/signing-keys";
import { type SpawnedServer, spawnServer, waitUntil } from "../../support/spawn-server";
import { testConfig } from "../../support/test-config";
import { type ProvisionedDatabase, provisionTestDatabase } from "../../support/test-database";
import { AuthClient, fetchSender, joinByInvitation, readJson } from "./support/auth-client";

/**
 * Member management under real concurrency: a server process on PostgreSQL, two requests in flight
 * at once. The interleaving is forced, not hoped for: the test holds a row lock the first request
 * needs (the demoted owner's sessions), waits until the database shows both requests blocked, then
 * lets go. Needs PostgreSQL (PGlite has one connection: no concurrency to test).
 */
const config = testConfig();
const onPostgres = Boolean(config.DATABASE_URL);
const title = onPostgres
  ? "member management under concurrent requests on PostgreSQL"
  : "member management under concurrent requests — skipped: needs DATABASE_URL (real PostgreSQL)";

describe.skipIf(!onPostgres)(title, () => {
  let database: ProvisionedDatabase;
  let server: SpawnedServer;
  let sql: postgres.Sql;
  const client = () => new AuthClient(fetchSender(server.url));

  beforeAll(async () => {
    database = await provisionTestDatabase();
    const { json } = await SigningKeySet.generate();
    server = await spawnServer({
      ...database.env,
      JWT_PRIVATE_KEYS: json,
      TRUST_PROXY_HOPS: "1",
      MIGRATE_ON_START: "false",
      LOG_LEVEL: "warn",
    });
    await waitUntil(
      async () => (await fetch(`${server.url}/health/ready`)).status === 200,
      30_000,
      `server ready (${server.output.slice(-3).join(" | ")})`,
    );
    sql = postgres(database.env.DATABASE_URL ?? "", { max: 2, onnotice: () => {} });
  }, 90_000);

  afterAll(async () => {
    await sql?.end();
    await server?.stop();
    await database?.dispose();
  });

  /** Backends of this database waiting for a row lock. */
  const waitingForLocks = async () =>
    (
      await sql<{ n: number }[]>`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`
    )[0]?.n ?? 0;

  /** An organization with three owners, each signed in and acting in it. */
  async function threeOwners() {
    const ana = { client: client() };
    const owner = await ana.client.owner("ana");
    const others = [];
    for (const who of ["bruno", "carla"]) {
      const c = client();
      const { email, tokens } = await c.signUp(who);
      const acting = await joinByInvitation(
        { client: ana.client, token: owner.tokens.accessToken, organizationId: owner.organizationId },
        { client: c, email, token: tokens.accessToken },
        "owner",
      );
      others.push({ client: c, userId: tokens.user.id, token: acting.accessToken });
    }
    const [bruno, carla] = others as [(typeof others)[0], (typeof others)[0]];
    return {
      organizationId: owner.organizationId,
      ana: { client: ana.client, token: owner.tokens.accessToken },
      bruno,
      carla,
    };
  }

  it("an owner demoted while its own request is in flight cannot demote another owner", async () => {
    const { organizationId, ana, bruno, carla } = await threeOwners();
    const path = (userId: string) => `/api/v1/organizations/${organizationId}/members/${userId}`;

    // Hold Bruno's session rows: Ana's demotion of Bruno locks the membership rows, then waits here
    // (ending Bruno's sessions) until we let go — holding its locks, uncommitted.
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let holding!: () => void;
    const held = new Promise<void>((resolve) => {
      holding = resolve;
    });
    const blocker = sql.begin(async (tx) => {
      await tx`select id from auth.sessions where user_id = ${bruno.userId} for update`;
      holding();
      await released;
    });
    await held;
    try {
      const demoteBruno = ana.client.request(path(bruno.userId), {
        method: "PATCH",
        token: ana.token,
        json: { role: "admin" },
      });
      await waitUntil(async () => (await waitingForLocks()) >= 1, 10_000, "Ana's demotion to hold its locks");
      // Bruno, still an owner when his request starts, demotes Carla.
      const demoteCarla = bruno.client.request(path(carla.userId), {
        method: "PATCH",
        token: bruno.token,
        json: { role: "admin" },
      });
      await waitUntil(async () => (await waitingForLocks()) >= 2, 10_000, "Bruno's request to wait as well");
      release();
      await blocker;

      const [first, second] = await Promise.all([demoteBruno, demoteCarla]);
      expect(first.status, await first.clone().text()).toBe(200);
      // Bruno's membership is read under lock: once Ana commits he is an admin, who may not manage owners.
      expect(second.status, await second.clone().text()).toBe(403);
      expect(await readJson(second)).toMatchObject({ code: "forbidden", rule: "only-owner-manages-owners" });
    } finally {
      release();
      await blocker.catch(() => {});
    }
    const roles = await sql<{ user_id: string; role: string }[]>`select user_id, role from auth.memberships
      where organization_id = ${organizationId}`;
    expect(roles.find((r) => r.user_id === carla.userId)?.role).toBe("owner");
    expect(roles.find((r) => r.user_id === bruno.userId)?.role).toBe("admin");
  }, 60_000);
});
