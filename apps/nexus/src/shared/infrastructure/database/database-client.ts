import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";

/**
 * Drizzle over either driver (PGlite or postgres.js), or a transaction of it. Use the query builder;
 * raw `execute()` results differ per driver, so read raw rows through `queryRows`.
 */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface DatabaseClient {
  readonly kind: "pglite" | "postgres";
  /** The root database. Inside `UnitOfWork.transaction` use `executor()` instead. */
  readonly db: Db;
  /** The transaction opened by the surrounding `UnitOfWork.transaction`, else the root db. */
  executor(): Db;
  /** Resolves when the database answers; throws ServiceUnavailableError otherwise. */
  ping(): Promise<void>;
  /** Subscribes to NOTIFY on `channel`; resolves to an unsubscribe function. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /** NOTIFY through `executor()`: inside a transaction it is delivered on commit, like PostgreSQL does. */
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

/** Runs raw SQL and returns its rows on both drivers (postgres.js returns an array, PGlite `{ rows }`). */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: unknown[] }).rows ?? []) as T[];
}
