import type { Config } from "@/shared/infrastructure/config/config.schema";
import type { Logger } from "@/shared/infrastructure/logging/logger";
import type { DatabaseClient } from "./database-client";
import { PgliteDatabaseClient } from "./pglite-database.client";
import { PostgresDatabaseClient } from "./postgres-database.client";
import { sqlQueryLog } from "./query-log";

/** PostgreSQL when DATABASE_URL is set, else embedded PGlite under DATA_DIR. Does not connect yet for PostgreSQL. */
export async function createDatabaseClient(config: Config, logger?: Logger): Promise<DatabaseClient> {
  // LOG_SQL: each statement and its duration, through the app's logger (config refuses it in production).
  const queryLog = config.LOG_SQL && logger ? sqlQueryLog(logger) : undefined;
  if (config.DATABASE_URL) {
    return new PostgresDatabaseClient(
      {
        url: config.DATABASE_URL,
        poolMax: config.DATABASE_POOL_MAX,
        connectTimeoutSeconds: config.DATABASE_CONNECT_TIMEOUT_SECONDS,
      },
      queryLog,
    );
  }
  return PgliteDatabaseClient.open(config.DATA_DIR, queryLog);
}
