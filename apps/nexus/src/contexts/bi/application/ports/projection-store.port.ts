import type { FactDelta } from "../../domain/fact-delta";

export interface OrganizationSettings {
  readonly organizationId: string;
  readonly name: string;
  readonly currency: string;
  readonly timezone: string;
}

export interface InvoiceLineRecord {
  readonly productId: string;
  readonly quantity: string;
  readonly net: number;
  readonly tax: number;
}

export interface InvoiceRecord {
  readonly invoiceId: string;
  /** YYYY-MM-DD. */
  readonly issueDate: string;
  readonly status: "issued" | "cancelled";
  /** Null for a cancellation seen before its invoice. */
  readonly lines: readonly InvoiceLineRecord[] | null;
}

export interface ProductName {
  readonly productId: string;
  readonly name: string;
  readonly sku: string;
  readonly unit: string | null;
}

export type DocumentKind = "shipment" | "credit-note";

/**
 * The write side of one organization's projections, as the projector needs it. Live, it is the
 * database inside the event's transaction; during a rebuild, memory that is written out at the end.
 */
export interface ProjectionStore {
  /**
   * Records that `eventId` is now reflected in the projections (and when it happened); false when it
   * already was, in which case the caller applies nothing.
   */
  markApplied(organizationId: string, eventId: string): Promise<boolean>;
  /** Freshness: the event applied happened at `occurredAt`. Called last, so its row is locked only briefly. */
  touch(organizationId: string, occurredAt: Date): Promise<void>;
  organization(organizationId: string): Promise<OrganizationSettings | null>;
  saveOrganization(settings: OrganizationSettings): Promise<void>;
  invoice(organizationId: string, invoiceId: string): Promise<InvoiceRecord | null>;
  saveInvoice(organizationId: string, invoice: InvoiceRecord): Promise<void>;
  documentDay(organizationId: string, kind: DocumentKind, documentId: string): Promise<string | null>;
  saveDocumentDay(organizationId: string, kind: DocumentKind, documentId: string, day: string): Promise<void>;
  saveProducts(organizationId: string, products: readonly ProductName[]): Promise<void>;
  addFacts(organizationId: string, deltas: readonly FactDelta[]): Promise<void>;

  // Bulk forms, so a batch of live events costs a few statements, not a few per event.
  /** `markApplied` for many events at once: resolves to those not applied before. */
  markAppliedAll(organizationId: string, eventIds: readonly string[]): Promise<ReadonlySet<string>>;
  /** The known ones among `invoiceIds`. */
  invoices(organizationId: string, invoiceIds: readonly string[]): Promise<ReadonlyMap<string, InvoiceRecord>>;
  saveInvoices(organizationId: string, invoices: readonly InvoiceRecord[]): Promise<void>;
  saveDocumentDays(
    organizationId: string,
    days: readonly { kind: DocumentKind; documentId: string; day: string }[],
  ): Promise<void>;
}
