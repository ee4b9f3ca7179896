import type { CalendarDate } from "./calendar-date.value-object";

export type DocumentSeries = "invoice" | "credit-note";

const PREFIX: Readonly<Record<DocumentSeries, string>> = { invoice: "", "credit-note": "CN-" };

/**
 * `YYYY-000001` for invoices, `CN-YYYY-000001` for credit notes: one gapless series per organization,
 * document kind and year. The sequence is taken by the repository inside the document's transaction.
 */
export function formatDocumentNumber(series: DocumentSeries, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`sequence ${sequence} is not positive`);
  return `${PREFIX[series]}${String(year).padStart(4, "0")}-${String(sequence).padStart(6, "0")}`;
}

/** The position of a document in its series (what a gapless series must account for). */
export interface SeriesPosition {
  readonly series: DocumentSeries;
  readonly year: number;
  readonly sequence: number;
}

/** Numbers follow issue dates: a document may not be dated before the last one of its series. */
export function isInChronologicalOrder(lastIssueDate: CalendarDate | null, issueDate: CalendarDate): boolean {
  return lastIssueDate === null || !issueDate.isBefore(lastIssueDate);
}
