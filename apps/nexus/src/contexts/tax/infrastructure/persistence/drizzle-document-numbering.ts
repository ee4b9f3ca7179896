import { and, eq, sql } from "drizzle-orm";
import { err, ok, type Result, unwrap } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { currentTransaction } from "@/shared/infrastructure/database/transaction-context";
import type { DocumentNumbering, TakenNumber } from "../../application/ports/document-numbering.port";
import type { TaxError } from "../../application/tax.errors";
import { CalendarDate } from "../../domain/calendar-date.value-object";
import {
  type DocumentSeries,
  formatDocumentNumber,
  isInChronologicalOrder,
} from "../../domain/document-number.value-object";
import { documentSequences } from "./document-sequence.table";

/**
 * Gapless series on a counter row per (organization, series, year): created if missing, then locked
 * FOR UPDATE and incremented in the caller's transaction. The lock queues concurrent issuers on every
 * instance until commit; a rollback undoes the increment, so no number is ever burnt (ADR 0011).
 */
export class DrizzleDocumentNumbering implements DocumentNumbering {
  constructor(private readonly client: DatabaseClient) {}

  async next(
    organizationId: Uuid,
    series: DocumentSeries,
    issueDate: CalendarDate,
  ): Promise<Result<TakenNumber, TaxError>> {
    if (!currentTransaction(this.client)) throw new Error("document numbers are taken inside a unit of work only");
    const db = this.client.executor();
    const key = { organizationId, series, year: issueDate.year };
    const where = and(
      eq(documentSequences.organizationId, organizationId),
      eq(documentSequences.series, series),
      eq(documentSequences.year, issueDate.year),
    );
    return withDatabaseErrors(async () => {
      await db
        .insert(documentSequences)
        .values({ ...key, lastSequence: 0, lastIssueDate: null })
        .onConflictDoNothing();
      const [row] = await db.select().from(documentSequences).where(where).for("update");
      if (!row) throw new Error(`document sequence ${series} ${issueDate.year} vanished`);
      const last = row.lastIssueDate === null ? null : unwrap(CalendarDate.parse(row.lastIssueDate));
      if (!isInChronologicalOrder(last, issueDate)) {
        return err({
          code: "issue-date-out-of-order" as const,
          message: `numbers follow issue dates: the last document of this series is dated ${last}`,
          lastIssueDate: String(last),
        });
      }
      const sequence = row.lastSequence + 1;
      await db
        .update(documentSequences)
        .set({ lastSequence: sequence, lastIssueDate: issueDate.toString(), updatedAt: sql`now()` })
        .where(where);
      return ok({ sequence, number: formatDocumentNumber(series, issueDate.year, sequence) });
    });
  }
}
