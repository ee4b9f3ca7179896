import { AuditTrail } from "@/shared/infrastructure/audit/audit-trail";
import { OutboxWriter } from "@/shared/infrastructure/events/outbox-writer";
import { testAuditKeys } from "./test-audit-keys";
import { createTestDatabase, type TestDatabase } from "./test-database";

/** The platform pieces every context's use cases write through, over one cloned, migrated database. */
export interface UseCaseDatabase extends TestDatabase {
  readonly audit: AuditTrail;
  readonly outbox: OutboxWriter;
}

/**
 * For use-case tests whose rules depend on row locks (stock, numbering, owners): a clone of the run's
 * template database (PGlite data-dir copy, or PostgreSQL `CREATE DATABASE … TEMPLATE` when DATABASE_URL
 * is set), with the real unit of work (an error Result rolls back), audit trail and outbox. Build the
 * context's deps from it with its real repositories; fake only the clock, mailer and hasher.
 */
export async function createUseCaseDatabase(): Promise<UseCaseDatabase> {
  const database = await createTestDatabase();
  return {
    ...database,
    audit: new AuditTrail(database.client, testAuditKeys),
    outbox: new OutboxWriter(database.client),
  };
}
