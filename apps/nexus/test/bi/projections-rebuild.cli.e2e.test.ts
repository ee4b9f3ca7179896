import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseClient } from "@/shared/infrastructure/database/create-database-client";
import { DrizzleUnitOfWork } from "@/shared/infrastructure/database/unit-of-work";
import { runCli } from "../support/run-cli";
import { testConfig } from "../support/test-config";
import { type ProvisionedDatabase, provisionTestDatabase } from "../support/test-database";
import {
  BREAD,
  CAKE,
  creditNoteIssued,
  goodsShipped,
  invoiceCancelled,
  invoiceIssued,
  ORG,
  orderCompleted,
  organizationCreated,
} from "./support/bi-events.fixtures";
import { createProjectionHarness, type ProjectionHarness } from "./support/bi-projection-harness";

// `npm run nexus -- projections-rebuild` through the real entry point (Bun, src/app/cli.ts).
describe("projections-rebuild CLI", () => {
  let database: ProvisionedDatabase;
  let live: Awaited<ReturnType<ProjectionHarness["dump"]>>;

  /** The live projections, in this process, closed again before the CLI opens the database. */
  async function withHarness<T>(work: (h: ProjectionHarness) => Promise<T>): Promise<T> {
    const client = await createDatabaseClient(testConfig({ ...database.env }));
    const h = await createProjectionHarness({
      client,
      uow: new DrizzleUnitOfWork(client),
      dispose: () => client.close(),
    });
    try {
      return await work(h);
    } finally {
      await h.dispose();
      await client.close();
    }
  }

  beforeAll(async () => {
    database = await provisionTestDatabase();
    live = await withHarness(async (h) => {
      const sale = invoiceIssued("2026-03-02", [
        { productId: BREAD, quantity: "3", unitPrice: 250, net: 750, tax: 45 },
        { productId: CAKE, quantity: "0.5", unitPrice: 1800, net: 900, tax: 207 },
      ]);
      const voided = invoiceIssued("2026-03-04", [
        { productId: CAKE, quantity: "1", unitPrice: 1800, net: 1800, tax: 414 },
      ]);
      for (const event of [
        organizationCreated("Europe/Lisbon"),
        orderCompleted(BREAD, "20", 1500, "2026-03-01T08:00:00Z"),
        sale,
        goodsShipped(sale, [{ productId: BREAD, quantity: "3", cost: 240 }]),
        voided,
        invoiceCancelled(voided),
        creditNoteIssued(sale, "2026-03-09", [{ productId: BREAD, quantity: "1", unitPrice: 250, net: 250, tax: 15 }]),
      ]) {
        await h.publish(event);
      }
      await h.drain();
      const dump = await h.dump(ORG);
      // Damage the projections: the rebuild must restore them from the event log alone.
      await h.database.client.db.execute(sql`delete from bi.daily_facts where organization_id = ${ORG}`);
      return dump;
    });
  });
  afterAll(() => database?.dispose());

  it("rebuilds every organization to exactly the live projections", async () => {
    const run = await runCli(["projections-rebuild"], { ...database.env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`"organizationId":"${ORG}"`);
    expect(run.stdout).toContain('"eventsApplied":7');
    expect(run.stdout).toContain("1 organization(s) rebuilt");
    expect(await withHarness((h) => h.dump(ORG))).toEqual(live);
  });

  it("refuses an organization id that is not one (exit 1)", async () => {
    const run = await runCli(["projections-rebuild", "not-an-id"], { ...database.env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("not an organization id");
  });
});
