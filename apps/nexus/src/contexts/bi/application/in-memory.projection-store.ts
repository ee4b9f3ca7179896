import type { FactDelta } from "../domain/fact-delta";
import { addMeasures, type Measures, ZERO_MEASURES } from "../domain/measures";
import type {
  DocumentKind,
  InvoiceRecord,
  OrganizationSettings,
  ProductName,
  ProjectionStore,
} from "./ports/projection-store.port";

/** Everything one organization's projections hold: what a rebuild writes in place of the old rows. */
export interface ProjectionSnapshot {
  readonly organizationId: string;
  readonly organization: OrganizationSettings | null;
  readonly invoices: readonly InvoiceRecord[];
  readonly documentDays: readonly { kind: DocumentKind; documentId: string; day: string }[];
  readonly products: readonly ProductName[];
  /** Per day; `productId` null for the day's totals. */
  readonly facts: readonly { day: string; productId: string | null; measures: Measures }[];
  readonly appliedEventIds: readonly string[];
  readonly lastEventAt: Date | null;
}

/**
 * One organization's projections in memory: a rebuild folds the whole event log here, then writes
 * the result in bulk (fast, and a single short transaction).
 */
export class InMemoryProjectionStore implements ProjectionStore {
  private organizationSettings: OrganizationSettings | null = null;
  private readonly invoiceRecords = new Map<string, InvoiceRecord>();
  private readonly documentDays = new Map<string, { kind: DocumentKind; documentId: string; day: string }>();
  private readonly products = new Map<string, ProductName>();
  private readonly facts = new Map<string, { day: string; productId: string | null; measures: Measures }>();
  private readonly applied = new Set<string>();
  private lastEventAt: Date | null = null;

  constructor(readonly organizationId: string) {}

  async markApplied(organizationId: string, eventId: string): Promise<boolean> {
    this.own(organizationId);
    if (this.applied.has(eventId)) return false;
    this.applied.add(eventId);
    return true;
  }

  async touch(organizationId: string, occurredAt: Date): Promise<void> {
    this.own(organizationId);
    if (!this.lastEventAt || occurredAt > this.lastEventAt) this.lastEventAt = occurredAt;
  }

  async organization(organizationId: string): Promise<OrganizationSettings | null> {
    this.own(organizationId);
    return this.organizationSettings;
  }

  async saveOrganization(settings: OrganizationSettings): Promise<void> {
    this.own(settings.organizationId);
    this.organizationSettings = settings;
  }

  async invoice(organizationId: string, invoiceId: string): Promise<InvoiceRecord | null> {
    this.own(organizationId);
    return this.invoiceRecords.get(invoiceId) ?? null;
  }

  async saveInvoice(organizationId: string, invoice: InvoiceRecord): Promise<void> {
    this.own(organizationId);
    this.invoiceRecords.set(invoice.invoiceId, invoice);
  }

  async documentDay(organizationId: string, kind: DocumentKind, documentId: string): Promise<string | null> {
    this.own(organizationId);
    return this.documentDays.get(`${kind}|${documentId}`)?.day ?? null;
  }

  async saveDocumentDay(organizationId: string, kind: DocumentKind, documentId: string, day: string): Promise<void> {
    this.own(organizationId);
    this.documentDays.set(`${kind}|${documentId}`, { kind, documentId, day });
  }

  async saveProducts(organizationId: string, products: readonly ProductName[]): Promise<void> {
    this.own(organizationId);
    for (const product of products) {
      const known = this.products.get(product.productId);
      this.products.set(product.productId, { ...product, unit: product.unit ?? known?.unit ?? null });
    }
  }

  async markAppliedAll(organizationId: string, eventIds: readonly string[]): Promise<ReadonlySet<string>> {
    const fresh = new Set<string>();
    for (const id of eventIds) if (await this.markApplied(organizationId, id)) fresh.add(id);
    return fresh;
  }

  async invoices(organizationId: string, invoiceIds: readonly string[]): Promise<ReadonlyMap<string, InvoiceRecord>> {
    this.own(organizationId);
    const found = new Map<string, InvoiceRecord>();
    for (const id of invoiceIds) {
      const invoice = this.invoiceRecords.get(id);
      if (invoice) found.set(id, invoice);
    }
    return found;
  }

  async saveInvoices(organizationId: string, invoices: readonly InvoiceRecord[]): Promise<void> {
    for (const invoice of invoices) await this.saveInvoice(organizationId, invoice);
  }

  async saveDocumentDays(
    organizationId: string,
    days: readonly { kind: DocumentKind; documentId: string; day: string }[],
  ): Promise<void> {
    for (const d of days) await this.saveDocumentDay(organizationId, d.kind, d.documentId, d.day);
  }

  async addFacts(organizationId: string, deltas: readonly FactDelta[]): Promise<void> {
    this.own(organizationId);
    for (const delta of deltas) {
      const day = delta.day.toString();
      // Every delta counts towards its day's totals; product deltas also towards the product's row.
      this.add(day, null, delta.measures);
      if (delta.productId !== null) this.add(day, delta.productId, delta.measures);
    }
  }

  snapshot(): ProjectionSnapshot {
    return {
      organizationId: this.organizationId,
      organization: this.organizationSettings,
      invoices: [...this.invoiceRecords.values()],
      documentDays: [...this.documentDays.values()],
      products: [...this.products.values()],
      facts: [...this.facts.values()],
      appliedEventIds: [...this.applied],
      lastEventAt: this.lastEventAt,
    };
  }

  private add(day: string, productId: string | null, measures: Measures): void {
    const key = `${day}|${productId ?? ""}`;
    const row = this.facts.get(key) ?? { day, productId, measures: ZERO_MEASURES };
    this.facts.set(key, { ...row, measures: addMeasures(row.measures, measures) });
  }

  private own(organizationId: string): void {
    if (organizationId !== this.organizationId) {
      throw new Error(`projection store of ${this.organizationId} asked about ${organizationId}`);
    }
  }
}
