import { randomBytes } from "node:crypto";
import { cpSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { createDatabaseClient } from "@/shared/infrastructure/database/create-database-client";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { PostgresDatabaseClient } from "@/shared/infrastructure/database/postgres-database.client";
import { DrizzleUnitOfWork, type UnitOfWork } from "@/shared/infrastructure/database/unit-of-work";
import { dropDatabase, withDatabase } from "./global-setup";
import { testConfig, uniqueQueueName } from "./test-config";

export interface TestDatabase {
  readonly client: DatabaseClient;
  readonly uow: UnitOfWork;
  dispose(): Promise<void>;
}

/** A provisioned, migrated database that nothing has opened yet: the settings that select it, and its cleanup. */
export interface ProvisionedDatabase {
  /**
   * DATABASE_URL (PostgreSQL) or DATA_DIR (PGlite), plus what every process on that database must
   * share (its deployment): an SQS queue of its own and the MAIL_SEAL_KEY and AUDIT_CHAIN_KEY. Merge
   * into a config or a child process's environment. Processes on another database never see this
   * queue: a server that consumed another database's events would apply them to its own (ADR 0012).
   */
  readonly env: Readonly<Record<string, string>>;
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated database of its own: a clone of the run's template (PostgreSQL `CREATE DATABASE …
 * TEMPLATE`, or a copy of the PGlite data dir). Open it in one process only.
 */
export async function provisionTestDatabase(): Promise<ProvisionedDatabase> {
  const template = inject("databaseTemplate");
  if (template.kind === "postgres") {
    const database = `${template.database}_${randomBytes(4).toString("hex")}`.slice(-63);
    const admin = PostgresDatabaseClient.connect({ url: template.url, poolMax: 1, connectTimeoutSeconds: 5 }, 1);
    try {
      await admin.unsafe(`CREATE DATABASE "${database}" TEMPLATE "${template.database}"`);
    } finally {
      await admin.end({ timeout: 5 });
    }
    return {
      env: { DATABASE_URL: withDatabase(template.url, database), ...deploymentEnv() },
      dispose: () => dropDatabase(template.url, database),
    };
  }
  const dataDir = await mkdtemp(join(tmpdir(), "nexus-pglite-test-"));
  cpSync(template.dataDir, dataDir, { recursive: true }); // ~5x faster than fs.promises.cp for ~1000 small files
  return {
    env: { DATABASE_URL: "", DATA_DIR: dataDir, ...deploymentEnv() },
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/** One deployment's queue and keys (fresh random keys: nothing sealed for one test opens in another). */
function deploymentEnv(): Record<string, string> {
  return {
    SQS_QUEUE_NAME: uniqueQueueName(),
    MAIL_SEAL_KEY: randomBytes(32).toString("base64url"),
    AUDIT_CHAIN_KEY: randomBytes(32).toString("base64url"),
  };
}

/** A fresh, migrated database opened in this process, with a unit of work. Call `dispose()` in afterAll/afterEach. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const provisioned = await provisionTestDatabase();
  const client = await createDatabaseClient(testConfig({ DATABASE_POOL_MAX: "5", ...provisioned.env }));
  return {
    client,
    uow: new DrizzleUnitOfWork(client),
    async dispose() {
      await client.close();
      await provisioned.dispose();
    },
  };
}
