import type { Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { CalendarDate } from "../../domain/calendar-date.value-object";
import type { DocumentSeries } from "../../domain/document-number.value-object";
import type { IssueDateOutOfOrder } from "../tax.errors";

export interface TakenNumber {
  readonly number: string;
  readonly sequence: number;
}

/**
 * Gapless numbering: takes the next number of the organization's series for the issue date's year
 * INSIDE the current unit of work, holding the series' lock until it ends, so a rollback gives the
 * number back and concurrent issuers (any instance) queue. Refuses an issue date before the last
 * one of the series (`issue-date-out-of-order`).
 */
export interface DocumentNumbering {
  next(
    organizationId: Uuid,
    series: DocumentSeries,
    issueDate: CalendarDate,
  ): Promise<Result<TakenNumber, IssueDateOutOfOrder>>;
}
