import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_OWNER } from "@/app/seed-demo/demo-business";
import { type CliOutcome, runCli } from "../support/run-cli";
import { type SpawnedServer, spawnServer, waitUntil } from "../support/spawn-server";
import { type ProvisionedDatabase, provisionTestDatabase } from "../support/test-database";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * `npm run nexus -- seed-demo` through the real entry point (Bun, src/app/cli.ts) on a fresh migrated
 * database (PGlite, or PostgreSQL when DATABASE_URL is set), then the real server reading what it made.
 */
describe("seed-demo CLI", () => {
  let database: ProvisionedDatabase;
  let first: CliOutcome;
  let second: CliOutcome;
  let auditBefore: CliOutcome;
  let auditAfter: CliOutcome;
  let stock: CliOutcome;
  let server: SpawnedServer | undefined;

  beforeAll(async () => {
    database = await provisionTestDatabase();
    const env = { ...database.env };
    first = await runCli(["seed-demo", "--days", "21"], env);
    auditBefore = await runCli(["audit-verify"], env);
    second = await runCli(["seed-demo", "--days", "21"], env);
    auditAfter = await runCli(["audit-verify"], env);
    stock = await runCli(["stock-verify"], env);
  }, 600_000);

  afterAll(async () => {
    await server?.stop();
    await database?.dispose();
  });

  it("seeds, prints the owner's credentials, and a second run changes nothing", () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/seeded "Demo Bakery" \(.+\): \d+ working days/);
    expect(first.stdout).toContain(`as ${DEMO_OWNER.email} with password ${DEMO_OWNER.password}`);

    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("already seeded");
    expect(second.stdout).toContain(DEMO_OWNER.password);
    // Every write is audited: an unchanged, still valid chain means the second run wrote nothing.
    expect(auditBefore.code, auditBefore.stdout).toBe(0);
    expect(JSON.parse(auditAfter.stdout)).toEqual(JSON.parse(auditBefore.stdout));
  });

  it("leaves every item's stock ledger consistent", () => {
    expect(stock.code, stock.stderr).toBe(0);
    expect(JSON.parse(stock.stdout)).toMatchObject({ valid: true, discrepancies: 0 });
  });

  it("refuses a bad --days (exit 1)", async () => {
    const run = await runCli(["seed-demo", "--days", "3"], { ...database.env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("usage: seed-demo");
  });

  it("serves the demo owner a history whose BI figures equal the tax liability report", async () => {
    server = await spawnServer({ ...database.env, MIGRATE_ON_START: "false" });
    const { url } = server;
    await waitUntil(async () => (await fetch(`${url}/health/ready`)).ok, 30_000, "readiness");
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: DEMO_OWNER.email, password: DEMO_OWNER.password }),
    });
    expect(login.status).toBe(200);
    const { accessToken, organizations } = (await login.json()) as {
      accessToken: string;
      organizations: { name: string; role: string }[];
    };
    expect(organizations).toEqual([expect.objectContaining({ name: "Demo Bakery", role: "owner" })]);
    const get = async (path: string) => {
      const response = await fetch(`${url}/api/v1${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
      expect(response.status, path).toBe(200);
      return (await response.json()) as Record<string, unknown> & { items: unknown[] };
    };

    const period = `from=${day(-30)}&to=${day(0)}`;
    const kpis = await get(`/bi/kpis?${period}`);
    const liability = (await get(`/tax/reports/liability?${period}`)) as unknown as {
      totals: { taxableBase: number; tax: number };
    };
    expect(kpis.revenueNet).toBeGreaterThan(0);
    expect([kpis.revenueNet, kpis.taxTotal]).toEqual([liability.totals.taxableBase, liability.totals.tax]);
    // Production was projected too: what was baked, and what the sold goods cost.
    expect(Number(kpis.unitsProduced)).toBeGreaterThan(0);
    expect(kpis.costOfGoodsSold).toBeGreaterThan(0);
    expect(kpis.grossMargin).toBeGreaterThan(0);

    expect((await get(`/tax/invoices?status=cancelled&${period}`)).items).toHaveLength(1);
    expect((await get("/tax/credit-notes")).items).toHaveLength(3);
    // Dated over the past weeks, not all today.
    const series = await get(`/bi/timeseries?metric=revenueNet&granularity=week&${period}`);
    const weeks = series.points as { value: number }[];
    expect(weeks.filter((w) => w.value > 0).length).toBeGreaterThanOrEqual(3);
  });
});
