import { isRollbackResult } from "@/shared/domain/result";
import { translateDatabaseError } from "./database.errors";
import type { DatabaseClient, Db } from "./database-client";
import { afterCommit, currentTransaction, runInTransactionContext } from "./transaction-context";

/**
 * Use cases wrap their writes (and the audit and outbox rows they produce) in one transaction.
 * Throwing rolls back and rethrows. Returning an error `Result` ROLLS BACK too and returns it: a
 * failed use case changes nothing. `commitFailure(error)` (shared/domain/result) commits on purpose.
 */
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
    let rolledBack: { value: T } | undefined;
    let result: T;
    try {
      result = await outer.transaction(async (tx) => {
        const value = await runInTransactionContext(this.client, tx, work, committed);
        if (!isRollbackResult(value)) return value;
        rolledBack = { value };
        throw ROLLBACK;
      });
    } catch (error) {
      // Rolled back on purpose: its after-commit callbacks are dropped with its writes.
      if (error === ROLLBACK && rolledBack) return rolledBack.value;
      throw translateDatabaseError(error);
    }
    // A savepoint hands its callbacks up: they wait for the outermost commit.
    for (const callback of committed) afterCommit(this.client, callback);
    return result;
  }
}

/** Thrown through the driver's transaction to roll it back when the work returned an error result. */
const ROLLBACK: unknown = Object.freeze({ rollback: "error result" });
