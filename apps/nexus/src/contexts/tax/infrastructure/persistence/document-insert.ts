import { type SQLWrapper, sql } from "drizzle-orm";
import type { Db } from "@/shared/infrastructure/database/database-client";

/**
 * A document and its lines in ONE statement (`WITH document AS (INSERT …) INSERT …lines`): issuing
 * holds the series' number lock until commit, so every round trip saved there is throughput
 * (bench/tax-issue.bench.ts). The lines' foreign key is checked at the end of the statement, when
 * the document row exists.
 */
export async function insertWithLines(db: Db, document: SQLWrapper, lines: SQLWrapper): Promise<void> {
  // getSQL(): embedded as they are (a query builder itself would be wrapped in parentheses, a subquery).
  await db.execute(sql`with document as (${document.getSQL()}) ${lines.getSQL()}`);
}
