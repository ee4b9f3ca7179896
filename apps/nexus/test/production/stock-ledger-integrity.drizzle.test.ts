import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unwrap } from "@/shared/domain/result";
import { createDatabaseClient } from "@/shared/infrastructure/database/create-database-client";
import { runCli } from "../support/run-cli";
import { testConfig } from "../support/test-config";
import { type ProvisionedDatabase, provisionTestDatabase } from "../support/test-database";
import { bakery, createProductionKit, type ProductionKit, produce, receive } from "./production-kit";

describe("stock ledger integrity", () => {
  let kit: ProductionKit;
  let ids: Awaited<ReturnType<typeof bakery>>;

  beforeAll(async () => {
    kit = await createProductionKit();
    ids = await bakery(kit);
    await receive(kit, ids.flour, "10", 1000, "2026-02-01");
    await receive(kit, ids.butter, "10", 1000, "2026-02-01");
    unwrap((await produce(kit, ids.croissant, "12")).completion);
  });
  afterAll(() => kit?.dispose());

  it("refuses UPDATE, DELETE and TRUNCATE of movements (append-only)", async () => {
    const db = kit.database.client.db;
    await expect(db.execute(sql`update production.stock_movements set value = 0`)).rejects.toThrow();
    await expect(db.execute(sql`delete from production.stock_movements`)).rejects.toThrow();
    await expect(db.execute(sql`truncate production.stock_movements`)).rejects.toThrow();
    expect(await kit.deps.readModel.verifyStock()).toMatchObject({ checkedItems: 3, discrepancies: [] });
  });

  it("stock verification names the item whose stock no longer matches its ledger", async () => {
    await kit.database.client.db.execute(
      sql`update production.lots set remaining_value = remaining_value + 1 where item_id = ${ids.butter}`,
    );
    const report = await kit.deps.readModel.verifyStock();
    expect(report.discrepancies.map((d) => d.itemId)).toEqual([ids.butter, ids.butter]);
    expect(report.discrepancies[0]?.detail).toMatch(/lots hold/);
  });
});

describe("npm run nexus -- stock-verify", () => {
  let database: ProvisionedDatabase;
  beforeAll(async () => {
    database = await provisionTestDatabase();
  });
  afterAll(() => database?.dispose());

  const cli = (env: Record<string, string>) => runCli(["stock-verify"], env);

  it("exits 0 on a consistent ledger and 1 naming the item once it is tampered with", async () => {
    const clean = await cli({ ...database.env });
    expect(clean.code, clean.stderr).toBe(0);
    expect(JSON.parse(clean.stdout)).toMatchObject({ valid: true });

    const client = await createDatabaseClient(testConfig({ ...database.env }));
    const itemId = "01937a4c-5f1e-7c3a-9d2b-6e8f0a1b2c3d";
    const organizationId = "01937a4c-5f1e-7c3a-9d2b-6e8f0a1b2c3e";
    await client.db.execute(
      sql`insert into production.stock_items values (${organizationId}, ${itemId}, 'ingredient', 1000, 5, 0, 0, 0)`,
    );
    await client.close();
    const broken = await cli({ ...database.env });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(itemId);
  });
});
