import { sql } from "drizzle-orm";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { withDatabaseErrors } from "./database.errors";
import type { DatabaseClient, Db } from "./database-client";
import { type QueryLog, timedPostgres } from "./query-log";
import { currentTransaction } from "./transaction-context";

export interface PostgresClientOptions {
  readonly url: string;
  readonly poolMax: number;
  readonly connectTimeoutSeconds: number;
}

/**
 * PostgreSQL server through postgres.js. Connections open lazily and a broken one is replaced on the
 * next query, so after an outage requests succeed again without a restart (tested with a proxy).
 */
export class PostgresDatabaseClient implements DatabaseClient {
  readonly kind = "postgres" as const;
  readonly db: Db;
  readonly sql: postgres.Sql;
  readonly drizzle: PostgresJsDatabase;

  constructor(
    readonly options: PostgresClientOptions,
    queryLog?: QueryLog,
  ) {
    this.sql = PostgresDatabaseClient.connect(options, options.poolMax);
    this.drizzle = drizzle({ client: queryLog ? timedPostgres(this.sql, queryLog) : this.sql });
    this.db = this.drizzle;
  }

  /** A separate postgres.js client; `max: 1` gives one session (for advisory locks, admin DDL). */
  static connect(options: PostgresClientOptions, max: number): postgres.Sql {
    return postgres(options.url, {
      max,
      connect_timeout: options.connectTimeoutSeconds,
      idle_timeout: 60,
      // postgres.js waits up to 20 s (exponential) before reconnecting after failures; during an
      // outage that would stall requests and delay recovery, so retry at least every second.
      backoff: (attempt) => Math.min(0.05 * 2 ** attempt, 1),
      onnotice: () => {}, // "already exists, skipping" notices from IF NOT EXISTS are not news
    });
  }

  executor(): Db {
    return currentTransaction(this) ?? this.db;
  }

  async ping(): Promise<void> {
    await withDatabaseErrors(() => this.sql`select 1`);
  }

  async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    // postgres.js keeps a dedicated LISTEN connection and re-subscribes after reconnecting.
    const subscription = await withDatabaseErrors(() => this.sql.listen(channel, onNotify));
    return () => subscription.unlisten();
  }

  async notify(channel: string, payload: string): Promise<void> {
    await withDatabaseErrors(() => this.executor().execute(sql`select pg_notify(${channel}, ${payload})`));
  }

  async close(): Promise<void> {
    await this.sql.end({ timeout: 5 });
  }
}
