import { and, eq, sql } from "drizzle-orm";
import { err, ok, type Result, unwrap } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { currentTransaction } from "@/shared/infrastructure/database/transaction-context";
import type { DocumentNumbering, TakenNumber } from "../../application/ports/document-numbering.port";
import type { IssueDateOutOfOrder } from "../../application/tax.errors";
import { CalendarDate } from "../../domain/calendar-date.value-object";
import {
  type DocumentSeries,
  formatDocumentNumber,
  isInChronologicalOrder,
} from "../../domain/document-number.value-object";
import { documentSequences } from "./document-sequence.table";

/**
 * Gapless series on a counter row per (organization, series, year): created, or locked and
 * incremented, by one upsert in the caller's transaction. The lock queues concurrent issuers on every
 * instance until commit; a rollback undoes the increment, so no number is ever burnt (ADR 0011).
 */
export class DrizzleDocumentNumbering implements DocumentNumbering {
  constructor(private readonly client: DatabaseClient) {}

  async next(
    organizationId: Uuid,
    series: DocumentSeries,
    issueDate: CalendarDate,
  ): Promise<Result<TakenNumber, IssueDateOutOfOrder>> {
    if (!currentTransaction(this.client)) throw new Error("document numbers are taken inside a unit of work only");
    const db = this.client.executor();
    const key = { organizationId, series, year: issueDate.year };
    const where = and(
      eq(documentSequences.organizationId, organizationId),
      eq(documentSequences.series, series),
      eq(documentSequences.year, issueDate.year),
    );
    return withDatabaseErrors(async () => {
      // One statement: create the row or lock and increment it, unless that would date backwards.
      // ON CONFLICT locks the existing row even when the WHERE refuses the update.
      const [taken] = await db
        .insert(documentSequences)
        .values({ ...key, lastSequence: 1, lastIssueDate: issueDate.toString() })
        .onConflictDoUpdate({
          target: [documentSequences.organizationId, documentSequences.series, documentSequences.year],
          set: {
            lastSequence: sql`${documentSequences.lastSequence} + 1`,
            lastIssueDate: sql`excluded.last_issue_date`,
            updatedAt: sql`now()`,
          },
          where: sql`${documentSequences.lastIssueDate} is null or ${documentSequences.lastIssueDate} <= excluded.last_issue_date`,
        })
        .returning({ sequence: documentSequences.lastSequence });
      if (taken)
        return ok({ sequence: taken.sequence, number: formatDocumentNumber(series, issueDate.year, taken.sequence) });
      const [row] = await db
        .select({ lastIssueDate: documentSequences.lastIssueDate })
        .from(documentSequences)
        .where(where);
      const last = row?.lastIssueDate ? unwrap(CalendarDate.parse(row.lastIssueDate)) : null;
      if (isInChronologicalOrder(last, issueDate))
        throw new Error(`document sequence ${series} ${issueDate.year} refused an in-order date`);
      return err({
        code: "issue-date-out-of-order" as const,
        message: `numbers follow issue dates: the last document of this series is dated ${last}`,
        lastIssueDate: String(last),
      });
    });
  }
}
