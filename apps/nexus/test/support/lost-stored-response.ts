import { type SQL, sql } from "drizzle-orm";
import { expect } from "vitest";
import { type Db, queryRows } from "@/shared/infrastructure/database/database-client";

/**
 * What ADR 0007's crash window leaves: the write committed, but the instance died before the
 * idempotency middleware stored its response, so the key's row is gone (as once its claim expired).
 */
export async function loseStoredResponse(db: Db, key: string): Promise<void> {
  const deleted = await queryRows<{ key: string }>(
    db,
    sql`delete from platform.idempotency_keys where key = ${key} returning key`,
  );
  expect(deleted).toHaveLength(1);
}

/** The one number a `select count(*) n …` answers. */
export async function countOf(db: Db, query: SQL): Promise<number> {
  return Number((await queryRows<{ n: string }>(db, query))[0]?.n);
}
