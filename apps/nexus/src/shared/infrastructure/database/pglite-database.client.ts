import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle, type PgliteDatabase } from "drizzle-orm/pglite";
import { DataDirLock } from "./data-dir-lock";
import { withDatabaseErrors } from "./database.errors";
import type { DatabaseClient, Db } from "./database-client";
import { installDrizzleParsers } from "./pglite-parsers";
import { type QueryLog, timedPglite } from "./query-log";
import { currentTransaction } from "./transaction-context";

/**
 * Embedded PostgreSQL (PGlite, WASM) persisted under `${DATA_DIR}/pglite`. It is one connection:
 * PGlite queues queries and transactions itself, so concurrent requests never interleave inside a
 * transaction. Never open one data dir from two processes: a lock file refuses the second one.
 */
export class PgliteDatabaseClient implements DatabaseClient {
  readonly kind = "pglite" as const;
  readonly db: Db;

  private constructor(
    readonly pglite: PGlite,
    readonly drizzle: PgliteDatabase,
    private readonly lock: DataDirLock,
  ) {
    this.db = drizzle;
  }

  static async open(dataDir: string, queryLog?: QueryLog): Promise<PgliteDatabaseClient> {
    const dir = join(dataDir, "pglite");
    await mkdir(dir, { recursive: true });
    const lock = await DataDirLock.acquire(dir);
    try {
      // PGlite's default 128 MB of shared buffers doubles idle RSS; an embedded, single-user database
      // needs far less (bench: ~260 MB -> ~140 MB RSS). Real loads belong on PostgreSQL.
      const pglite = await PGlite.create(dir, { postgresqlconf: ["shared_buffers=16MB"] });
      installDrizzleParsers(pglite);
      const client = queryLog ? timedPglite(pglite, queryLog) : pglite;
      return new PgliteDatabaseClient(pglite, drizzle({ client }), lock);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  executor(): Db {
    return currentTransaction(this) ?? this.db;
  }

  async ping(): Promise<void> {
    await withDatabaseErrors(() => this.pglite.query("select 1"));
  }

  async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    const unlisten = await withDatabaseErrors(() => this.pglite.listen(channel, onNotify));
    return () => unlisten();
  }

  async notify(channel: string, payload: string): Promise<void> {
    await withDatabaseErrors(() => this.executor().execute(sql`select pg_notify(${channel}, ${payload})`));
  }

  async close(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
    await this.lock.release();
  }
}
