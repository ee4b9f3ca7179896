import type { Config } from "@/shared/infrastructure/config/config.schema";
import type { DatabaseClient } from "./database-client";
import { PgliteDatabaseClient } from "./pglite-database.client";
import { PostgresDatabaseClient } from "./postgres-database.client";

/** PostgreSQL when DATABASE_URL is set, else embedded PGlite under DATA_DIR. Does not connect yet for PostgreSQL. */
export async function createDatabaseClient(config: Config): Promise<DatabaseClient> {
  if (config.DATABASE_URL) {
    return new PostgresDatabaseClient({
      url: config.DATABASE_URL,
      poolMax: config.DATABASE_POOL_MAX,
      connectTimeoutSeconds: config.DATABASE_CONNECT_TIMEOUT_SECONDS,
    });
  }
  return PgliteDatabaseClient.open(config.DATA_DIR);
}
