import { translateDatabaseError } from "./database.errors";
import type { DatabaseClient, Db } from "./database-client";
import { afterCommit, currentTransaction, runInTransactionContext } from "./transaction-context";

/** Use cases wrap their writes (and the audit and outbox rows they produce) in one transaction. */
export interface UnitOfWork {
  transaction<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * The outermost call opens a transaction, nested calls a savepoint: a failing nested block rolls
 * back only itself when the caller catches its error. Throwing rolls back. Repositories enlist by
 * calling `client.executor()`; never use `client.db` inside `work` (on PGlite it would wait for this
 * very transaction). Database errors leave as ConflictError / ServiceUnavailableError. `afterCommit`
 * callbacks run once the outermost transaction has committed.
 */
export class DrizzleUnitOfWork implements UnitOfWork {
  constructor(private readonly client: DatabaseClient) {}

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    const outer: Db = currentTransaction(this.client) ?? this.client.db;
    const committed: (() => void)[] = [];
    let result: T;
    try {
      result = await outer.transaction((tx) => runInTransactionContext(this.client, tx, work, committed));
    } catch (error) {
      throw translateDatabaseError(error);
    }
    // A savepoint hands its callbacks up: they wait for the outermost commit.
    for (const callback of committed) afterCommit(this.client, callback);
    return result;
  }
}
