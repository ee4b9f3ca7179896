import { fileURLToPath } from "node:url";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { withDatabaseErrors } from "./database.errors";
import type { DatabaseClient } from "./database-client";
import { PgliteDatabaseClient } from "./pglite-database.client";
import { PostgresDatabaseClient } from "./postgres-database.client";

/** apps/nexus/drizzle, from this file rather than the cwd, so it works from anywhere under Bun and Node. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../../../drizzle", import.meta.url));

// Any constant shared by every Nexus instance; pg_advisory_lock takes a bigint.
const MIGRATION_LOCK_KEY = 7_281_946_102_833n;

/** Applies pending migrations. Instances migrating one PostgreSQL at once take turns on an advisory lock. */
export async function migrateDatabase(client: DatabaseClient): Promise<void> {
  if (client instanceof PgliteDatabaseClient) {
    await withDatabaseErrors(() => migratePglite(client.drizzle, { migrationsFolder: MIGRATIONS_FOLDER }));
    return;
  }
  if (client instanceof PostgresDatabaseClient) {
    await withDatabaseErrors(() => migrateWithLock(client));
    return;
  }
  throw new Error(`cannot migrate a ${client.kind} client of unknown class`);
}

async function migrateWithLock(client: PostgresDatabaseClient): Promise<void> {
  // One session: the lock, the migrator's reads and its transaction must share the connection.
  const session = PostgresDatabaseClient.connect(client.options, 1);
  try {
    await session`select pg_advisory_lock(${MIGRATION_LOCK_KEY.toString()}::bigint)`;
    try {
      await migratePostgres(drizzle({ client: session }), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await session`select pg_advisory_unlock(${MIGRATION_LOCK_KEY.toString()}::bigint)`;
    }
  } finally {
    await session.end({ timeout: 5 });
  }
}
