// The database a TypeScript benchmark runs on: a fresh PGlite data dir, or a throw-away PostgreSQL
// database on BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres); migrated, removed after.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { loadConfig } from "@/shared/infrastructure/config/load-config";
import { createDatabaseClient } from "@/shared/infrastructure/database/create-database-client";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { migrateDatabase } from "@/shared/infrastructure/database/migrate";

export type BenchDb = "pglite" | "postgres";

const PG_URL = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** `run` also gets the PostgreSQL database's URL, for tools beside the client (pgbench); null on PGlite. */
export async function withBenchDatabase<T>(
  db: BenchDb,
  label: string,
  run: (client: DatabaseClient, databaseUrl: string | null) => Promise<T>,
): Promise<T> {
  if (db === "pglite") {
    const dir = await mkdtemp(join(tmpdir(), `nexus-${label}-bench-`));
    const client = await createDatabaseClient(loadConfig({ DATA_DIR: dir }));
    try {
      await migrateDatabase(client);
      return await run(client, null);
    } finally {
      await client.close();
      await rm(dir, { recursive: true, force: true });
    }
  }
  const name = `nexus_${label}_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const client = await createDatabaseClient(loadConfig({ DATABASE_URL: url.toString(), DATABASE_POOL_MAX: "10" }));
  try {
    await migrateDatabase(client);
    return await run(client, url.toString());
  } finally {
    await client.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}
