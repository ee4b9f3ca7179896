import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import type { DocumentPosition, Page, PageRequest } from "../../application/ports/page";

/** Keyset condition "after this position" for lists ordered by issue date then id, both descending. */
export function afterPosition(issueDate: AnyColumn, id: AnyColumn, page: PageRequest): SQL | undefined {
  if (!page.after) return undefined;
  return sql`(${issueDate}, ${id}) < (${page.after.issueDate}::date, ${page.after.id}::uuid)`;
}

/** Rows were fetched with `limit + 1`: the extra one only tells that a next page exists. */
export function toPage<R extends { issueDate: string; id: DocumentPosition["id"] }, T>(
  rows: readonly R[],
  page: PageRequest,
  map: (rows: readonly R[]) => T[],
): Page<T> {
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items: map(items),
    next: rows.length > page.limit && last ? { issueDate: last.issueDate, id: last.id } : null,
  };
}

/** A LIKE pattern matching `text` literally anywhere. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
