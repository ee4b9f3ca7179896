import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "@/shared/infrastructure/database/migrate";
import { PgliteDatabaseClient } from "@/shared/infrastructure/database/pglite-database.client";
import { PostgresDatabaseClient } from "@/shared/infrastructure/database/postgres-database.client";
import { testConfig } from "./test-config";

/** Where test databases are copied from: migrated once per run, then cloned per test file. */
export type DatabaseTemplate = PostgresTemplate | { readonly kind: "pglite"; readonly dataDir: string };
type PostgresTemplate = { readonly kind: "postgres"; readonly url: string; readonly database: string };

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplate: DatabaseTemplate;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = testConfig();
  if (config.DATABASE_URL) {
    const template = await createPostgresTemplate(config.DATABASE_URL, config.DATABASE_CONNECT_TIMEOUT_SECONDS);
    project.provide("databaseTemplate", template);
    return () => dropDatabase(template.url, template.database);
  }
  const dataDir = await mkdtemp(join(tmpdir(), "nexus-pglite-tpl-"));
  const client = await PgliteDatabaseClient.open(dataDir);
  try {
    await migrateDatabase(client);
  } finally {
    await client.close();
  }
  project.provide("databaseTemplate", { kind: "pglite", dataDir });
  return () => rm(dataDir, { recursive: true, force: true });
}

async function createPostgresTemplate(url: string, connectTimeoutSeconds: number): Promise<PostgresTemplate> {
  const admin = PostgresDatabaseClient.connect({ url, poolMax: 1, connectTimeoutSeconds }, 1);
  const base = new URL(url).pathname.slice(1) || "postgres";
  const database = `${base}_tpl_${randomBytes(4).toString("hex")}`.slice(-63);
  try {
    await admin.unsafe(`CREATE DATABASE "${database}"`);
  } catch (error) {
    // Tests must fail, never skip, when the configured database is down.
    throw new Error(`DATABASE_URL is set but PostgreSQL is unreachable or refused CREATE DATABASE: ${String(error)}`, {
      cause: error,
    });
  } finally {
    await admin.end({ timeout: 5 });
  }
  const client = new PostgresDatabaseClient({ url: withDatabase(url, database), poolMax: 1, connectTimeoutSeconds });
  try {
    await migrateDatabase(client);
  } finally {
    await client.close();
  }
  return { kind: "postgres", url, database };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function dropDatabase(url: string, database: string): Promise<void> {
  const admin = PostgresDatabaseClient.connect({ url, poolMax: 1, connectTimeoutSeconds: 5 }, 1);
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}
