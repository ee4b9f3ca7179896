import { AsyncLocalStorage } from "node:async_hooks";
import type { DatabaseClient, Db } from "./database-client";

// Keyed by client so that two clients in one process (tests) never see each other's transaction.
const storage = new AsyncLocalStorage<ReadonlyMap<DatabaseClient, Db>>();

export function currentTransaction(client: DatabaseClient): Db | undefined {
  return storage.getStore()?.get(client);
}

export function runInTransactionContext<T>(client: DatabaseClient, tx: Db, work: () => Promise<T>): Promise<T> {
  const scope = new Map(storage.getStore());
  scope.set(client, tx);
  return storage.run(scope, work);
}
