import { AsyncLocalStorage } from "node:async_hooks";
import type { DatabaseClient, Db } from "./database-client";

/** One level of transaction (the outermost one or a savepoint) and what must run once it commits. */
interface TransactionScope {
  readonly tx: Db;
  readonly afterCommit: (() => void)[];
}

// Keyed by client so that two clients in one process (tests) never see each other's transaction.
const storage = new AsyncLocalStorage<ReadonlyMap<DatabaseClient, TransactionScope>>();

export function currentTransaction(client: DatabaseClient): Db | undefined {
  return storage.getStore()?.get(client)?.tx;
}

/**
 * Runs `work` as the transaction `tx` of `client`. Callbacks registered with `afterCommit` inside it
 * are collected in `afterCommit` for the caller to run (outermost level) or hand up (savepoint).
 */
export function runInTransactionContext<T>(
  client: DatabaseClient,
  tx: Db,
  work: () => Promise<T>,
  afterCommit: (() => void)[] = [],
): Promise<T> {
  const scope = new Map(storage.getStore());
  scope.set(client, { tx, afterCommit });
  return storage.run(scope, work);
}

/**
 * Runs `callback` once the surrounding transaction of `client` has committed (never if it rolls
 * back), or at once outside any transaction. For in-process effects that must not get ahead of the
 * database, e.g. this instance's copy of a revocation. Callbacks must not throw.
 */
export function afterCommit(client: DatabaseClient, callback: () => void): void {
  const scope = storage.getStore()?.get(client);
  if (scope) scope.afterCommit.push(callback);
  else callback();
}
