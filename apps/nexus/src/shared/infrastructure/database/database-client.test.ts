import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { testConfig } from "../../../../test/support/test-config";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-database";
import { createWidgetsTable, widgets } from "../../../../test/support/test-widgets";
import { waitUntil } from "../../../../test/support/wait";
import { queryRows } from "./database-client";
import { migrateDatabase } from "./migrate";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await createWidgetsTable(t.client);
});
afterAll(() => t.dispose());

describe("database client", () => {
  it("runs on the configured engine", () => {
    expect(t.client.kind).toBe(testConfig().DATABASE_URL ? "postgres" : "pglite");
  });

  it("has the migrated schemas and the updated_at trigger function", async () => {
    const schemas = await queryRows<{ name: string }>(
      t.client.db,
      sql`select nspname as name from pg_namespace where nspname in ('platform','auth','production','tax','bi')`,
    );
    expect(schemas.map((s) => s.name).sort()).toEqual(["auth", "bi", "platform", "production", "tax"]);
    const fns = await queryRows(t.client.db, sql`select 1 from pg_proc where proname = 'set_updated_at'`);
    expect(fns).toHaveLength(1);
  });

  it("migrating again is a no-op", async () => {
    await migrateDatabase(t.client);
    const [row] = await queryRows<{ n: number }>(
      t.client.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(row?.n).toBeGreaterThan(0);
  });

  it("stores the app-generated UUIDv7 id and round-trips timestamps", async () => {
    const id = Uuid.generate();
    const [row] = await t.client.db.insert(widgets).values({ id, name: "uuid" }).returning();
    expect(row?.id).toBe(id);
    expect(row?.createdAt).toBeInstanceOf(Date);
    const [defaulted] = await t.client.db.insert(widgets).values({ name: "defaulted" }).returning();
    expect(Uuid.isValid(defaulted?.id ?? "")).toBe(true);
  });

  it("keeps updated_at current on every update (trigger)", async () => {
    const [created] = await t.client.db.insert(widgets).values({ name: "before" }).returning();
    if (!created) throw new Error("no row");
    await t.client.db.update(widgets).set({ name: "after" }).where(eq(widgets.id, created.id));
    // Compared in SQL (microseconds): a JS Date could round two fast statements to one millisecond.
    // Both columns default to the insert's now(), so only the trigger can move updated_at ahead.
    const [row] = await queryRows<{ moved: boolean }>(
      t.client.db,
      sql`select updated_at > created_at as moved from platform.test_widgets where id = ${created.id}`,
    );
    expect(row).toEqual({ moved: true });
  });

  it("every table with an updated_at column has the set_updated_at trigger", async () => {
    const missing = await queryRows<{ table: string }>(
      t.client.db,
      sql`select c.table_schema || '.' || c.table_name as "table"
          from information_schema.columns c
          join information_schema.tables tb
            on tb.table_schema = c.table_schema and tb.table_name = c.table_name and tb.table_type = 'BASE TABLE'
          where c.column_name = 'updated_at'
            and c.table_schema in ('platform','auth','production','tax','bi')
            and not exists (
              select 1 from pg_trigger tg
              join pg_proc p on p.oid = tg.tgfoid
              where tg.tgrelid = (quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))::regclass
                and p.proname = 'set_updated_at')`,
    );
    expect(missing).toEqual([]);
  });

  it("answers ping and delivers notifications to listeners", async () => {
    await t.client.ping();
    const received: string[] = [];
    const unlisten = await t.client.listen("test_channel", (payload) => received.push(payload));
    await t.client.notify("test_channel", "hello");
    await waitUntil(() => received.length > 0, 5_000, "the notification");
    expect(received).toEqual(["hello"]);
    await unlisten();
  });
});
