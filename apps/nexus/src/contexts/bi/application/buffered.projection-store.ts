import { type FactDelta, merge } from "../domain/fact-delta";
import type {
  DocumentKind,
  InvoiceRecord,
  OrganizationSettings,
  ProductName,
  ProjectionStore,
} from "./ports/projection-store.port";

type DocumentDay = { kind: DocumentKind; documentId: string; day: string };

/**
 * The live store seen by one batch of events, so the batch costs a few statements whatever its size.
 * `preload` claims the batch's events and reads the invoices they name in one go; the projector then
 * reads and writes here, and `flush` writes everything once — one row per (day, product) however
 * many events touched it. Reads see the batch's own writes (a cancellation finds its invoice issued
 * earlier in the batch). Call `preload`, the projector and `flush` in the batch's transaction.
 */
export class BufferedProjectionStore implements ProjectionStore {
  /** Per organization: the preloaded event ids, and those of them not applied before and not yet seen. */
  private readonly preloaded = new Map<string, { all: Set<string>; fresh: Set<string> }>();
  private readonly invoicesRead = new Map<string, InvoiceRecord | null>();
  private readonly invoicesWritten = new Map<string, Map<string, InvoiceRecord>>();
  private readonly daysRead = new Map<string, string | null>();
  private readonly daysWritten = new Map<string, Map<string, DocumentDay>>();
  private readonly deltas = new Map<string, FactDelta[]>();
  private readonly lastEventAt = new Map<string, Date>();
  private readonly products = new Map<string, Map<string, ProductName>>();
  private readonly organizations = new Map<string, OrganizationSettings | null>();

  constructor(private readonly inner: ProjectionStore) {}

  /** Claims `eventIds` (marks them applied) and reads the invoices among `invoiceIds` that exist. */
  async preload(organizationId: string, eventIds: readonly string[], invoiceIds: readonly string[]): Promise<void> {
    const fresh = await this.inner.markAppliedAll(organizationId, eventIds);
    this.preloaded.set(organizationId, { all: new Set(eventIds), fresh: new Set(fresh) });
    const known = await this.inner.invoices(organizationId, invoiceIds);
    for (const id of invoiceIds) this.invoicesRead.set(`${organizationId}|${id}`, known.get(id) ?? null);
  }

  async markApplied(organizationId: string, eventId: string): Promise<boolean> {
    const claimed = this.preloaded.get(organizationId);
    if (!claimed?.all.has(eventId)) return this.inner.markApplied(organizationId, eventId);
    return claimed.fresh.delete(eventId); // true once: the same event twice in a batch applies once
  }

  async markAppliedAll(organizationId: string, eventIds: readonly string[]): Promise<ReadonlySet<string>> {
    const fresh = new Set<string>();
    for (const id of eventIds) if (await this.markApplied(organizationId, id)) fresh.add(id);
    return fresh;
  }

  async touch(organizationId: string, occurredAt: Date): Promise<void> {
    const seen = this.lastEventAt.get(organizationId);
    if (!seen || occurredAt > seen) this.lastEventAt.set(organizationId, occurredAt);
  }

  async organization(organizationId: string): Promise<OrganizationSettings | null> {
    if (!this.organizations.has(organizationId)) {
      this.organizations.set(organizationId, await this.inner.organization(organizationId));
    }
    return this.organizations.get(organizationId) ?? null;
  }

  async saveOrganization(settings: OrganizationSettings): Promise<void> {
    await this.inner.saveOrganization(settings);
    this.organizations.set(settings.organizationId, settings);
  }

  async invoice(organizationId: string, invoiceId: string): Promise<InvoiceRecord | null> {
    const written = this.invoicesWritten.get(organizationId)?.get(invoiceId);
    if (written) return written;
    const key = `${organizationId}|${invoiceId}`;
    if (!this.invoicesRead.has(key)) this.invoicesRead.set(key, await this.inner.invoice(organizationId, invoiceId));
    return this.invoicesRead.get(key) ?? null;
  }

  async invoices(organizationId: string, invoiceIds: readonly string[]): Promise<ReadonlyMap<string, InvoiceRecord>> {
    const found = new Map<string, InvoiceRecord>();
    for (const id of invoiceIds) {
      const invoice = await this.invoice(organizationId, id);
      if (invoice) found.set(id, invoice);
    }
    return found;
  }

  async saveInvoice(organizationId: string, invoice: InvoiceRecord): Promise<void> {
    entry(this.invoicesWritten, organizationId).set(invoice.invoiceId, invoice);
  }

  async saveInvoices(organizationId: string, invoices: readonly InvoiceRecord[]): Promise<void> {
    for (const invoice of invoices) await this.saveInvoice(organizationId, invoice);
  }

  async documentDay(organizationId: string, kind: DocumentKind, documentId: string): Promise<string | null> {
    const written = this.daysWritten.get(organizationId)?.get(`${kind}|${documentId}`);
    if (written) return written.day;
    const key = `${organizationId}|${kind}|${documentId}`;
    if (!this.daysRead.has(key)) this.daysRead.set(key, await this.inner.documentDay(organizationId, kind, documentId));
    return this.daysRead.get(key) ?? null;
  }

  async saveDocumentDay(organizationId: string, kind: DocumentKind, documentId: string, day: string): Promise<void> {
    entry(this.daysWritten, organizationId).set(`${kind}|${documentId}`, { kind, documentId, day });
  }

  async saveDocumentDays(organizationId: string, days: readonly DocumentDay[]): Promise<void> {
    for (const d of days) await this.saveDocumentDay(organizationId, d.kind, d.documentId, d.day);
  }

  async saveProducts(organizationId: string, products: readonly ProductName[]): Promise<void> {
    const known = entry(this.products, organizationId);
    // The store keeps a known unit when a later name arrives without one; so does the buffer.
    for (const p of products) known.set(p.productId, { ...p, unit: p.unit ?? known.get(p.productId)?.unit ?? null });
  }

  async addFacts(organizationId: string, deltas: readonly FactDelta[]): Promise<void> {
    const gathered = this.deltas.get(organizationId) ?? [];
    gathered.push(...deltas);
    this.deltas.set(organizationId, gathered);
  }

  /** Writes what the batch gathered; freshness last, so its row is locked only briefly. */
  async flush(): Promise<void> {
    // Organizations in id order, like every multi-row write here: concurrent batches never deadlock.
    for (const [org, products] of sorted(this.products)) await this.inner.saveProducts(org, [...products.values()]);
    for (const [org, invoices] of sorted(this.invoicesWritten)) {
      await this.inner.saveInvoices(org, [...invoices.values()]);
    }
    for (const [org, days] of sorted(this.daysWritten)) await this.inner.saveDocumentDays(org, [...days.values()]);
    for (const [org, deltas] of sorted(this.deltas)) await this.inner.addFacts(org, merge(deltas));
    for (const [org, at] of sorted(this.lastEventAt)) await this.inner.touch(org, at);
  }
}

function sorted<V>(map: ReadonlyMap<string, V>): [string, V][] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
}

function entry<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  const found = map.get(key);
  if (found) return found;
  const created = new Map<string, V>();
  map.set(key, created);
  return created;
}
