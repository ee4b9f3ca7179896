/**
 * One page of a keyset list. `rows` were fetched with `limit + 1`: the extra row only says that a next
 * page exists, and the cursor is the position of the last row kept (each list encodes its own).
 */
export function keysetPage<T, C>(
  rows: readonly T[],
  limit: number,
  cursorOf: (last: T) => C,
): { items: T[]; nextCursor: C | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null };
}
