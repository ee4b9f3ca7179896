import type { PGlite, Transaction } from "@electric-sql/pglite";

/**
 * The types drizzle-orm's PGlite driver asks to get as the server's text with every query (dates,
 * times, intervals, their arrays and numeric[]): its columns map them themselves. A test holds this
 * list to drizzle's (pglite-parsers.test.ts), so an upgrade that changes it fails there.
 */
export const DRIZZLE_TEXT_TYPES: readonly number[] = [1082, 1114, 1184, 1186, 1115, 1182, 1185, 1187, 1231];
const asText = (value: string): string => value;

type QueryOptions = Parameters<PGlite["query"]>[2];

/**
 * Installs drizzle's per-query parsers on the instance once and drops them from each query. PGlite
 * copies its whole parser table (some 300 type oids) into a new object for every query that brings
 * parsers: under Bun that copy cost ~0.9 ms of event loop per statement, more than most statements.
 * Same values, without the copy. Call after `PGlite.create` (which fills in the array types); every
 * caller of the instance then reads those types as text (ours all go through drizzle).
 */
export function installDrizzleParsers(pglite: PGlite): PGlite {
  for (const oid of DRIZZLE_TEXT_TYPES) pglite.parsers[oid] = asText;
  const transaction = pglite.transaction.bind(pglite);
  // Own properties over the prototype's methods (no Proxy: drizzle reads them for every statement).
  pglite.query = withoutParsers(pglite.query.bind(pglite));
  pglite.transaction = <T>(callback: (tx: Transaction) => Promise<T>) =>
    transaction((tx) => {
      tx.query = withoutParsers(tx.query);
      return callback(tx);
    });
  return pglite;
}

function withoutParsers<Q extends (text: string, params?: unknown[], options?: QueryOptions) => Promise<unknown>>(
  query: Q,
): Q {
  return ((text: string, params?: unknown[], options?: QueryOptions) =>
    query(text, params, options?.parsers ? { ...options, parsers: undefined } : options)) as Q;
}
