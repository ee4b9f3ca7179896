import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { dropDatabase, withDatabase } from "../../../../test/support/global-setup";
import { queryRows } from "./database-client";
import { MIGRATIONS_FOLDER, migrateDatabase } from "./migrate";
import { PostgresDatabaseClient } from "./postgres-database.client";

describe("migrations folder", () => {
  it("is found from this file, whatever the cwd", async () => {
    const journal = JSON.parse(await readFile(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"));
    expect(journal.entries.length).toBeGreaterThan(0);
  });
});

describe.runIf(inject("databaseTemplate").kind === "postgres")("migrateDatabase on PostgreSQL", () => {
  const template = inject("databaseTemplate");
  const url = template.kind === "postgres" ? template.url : "";
  const database = `nexus_migrate_${randomBytes(4).toString("hex")}`;
  afterAll(() => dropDatabase(url, database));

  it("lets two instances migrate one empty database at once, applying each migration once", async () => {
    const admin = PostgresDatabaseClient.connect({ url, poolMax: 1, connectTimeoutSeconds: 5 }, 1);
    await admin.unsafe(`CREATE DATABASE "${database}"`);
    await admin.end();
    const options = { url: withDatabase(url, database), poolMax: 2, connectTimeoutSeconds: 5 };
    const a = new PostgresDatabaseClient(options);
    const b = new PostgresDatabaseClient(options);
    try {
      await Promise.all([migrateDatabase(a), migrateDatabase(b), migrateDatabase(a)]);
      const journal = JSON.parse(await readFile(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"));
      const [row] = await queryRows<{ n: number }>(
        a.db,
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      expect(row?.n).toBe(journal.entries.length);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
