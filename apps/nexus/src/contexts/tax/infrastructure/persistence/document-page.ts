import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import type { DocumentPosition, PageRequest } from "../../application/ports/page";

/** Keyset condition "after this position" for lists ordered by issue date then id, both descending. */
export function afterPosition(issueDate: AnyColumn, id: AnyColumn, page: PageRequest): SQL | undefined {
  if (!page.after) return undefined;
  return sql`(${issueDate}, ${id}) < (${page.after.issueDate}::date, ${page.after.id}::uuid)`;
}

/** Where a page of documents ends: the keyset of its last row. */
export function documentPosition(row: DocumentPosition): DocumentPosition {
  return { issueDate: row.issueDate, id: row.id };
}

/** A LIKE pattern matching `text` literally anywhere. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
