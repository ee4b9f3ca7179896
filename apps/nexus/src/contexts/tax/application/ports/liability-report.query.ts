import type { Uuid } from "@/shared/domain/uuid.value-object";

export interface LiabilityRow {
  readonly code: string;
  /** Net of invoice lines carrying the code minus that of credit-note lines. */
  readonly taxableBase: number;
  readonly tax: number;
  readonly invoiceCount: number;
  readonly creditNoteCount: number;
  readonly documentCount: number;
}

/**
 * Per tax code, over documents issued in [from, to] (issue dates, inclusive): invoices not
 * cancelled, minus credit notes. Computed by the database from the stored line figures.
 */
export interface LiabilityReportQuery {
  report(organizationId: Uuid, from: string, to: string): Promise<LiabilityRow[]>;
}
