import { and, eq, inArray, sql } from "drizzle-orm";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import type {
  DocumentKind,
  InvoiceRecord,
  OrganizationSettings,
  ProductName,
  ProjectionStore,
} from "../../application/ports/projection-store.port";
import type { FactDelta } from "../../domain/fact-delta";
import { dailyFacts, dailyProductFacts } from "./daily-facts.table";
import { dayTotals, factValues, productFactValues } from "./fact-rows";
import {
  biAppliedEvents,
  biDocumentDays,
  biInvoices,
  biOrganizations,
  biProducts,
  biProjectionState,
} from "./projection-documents.table";

/**
 * The live projections, written through `client.executor()` so every statement joins the event
 * handler's transaction (together with its platform inbox row).
 */
export class DrizzleProjectionStore implements ProjectionStore {
  constructor(private readonly client: DatabaseClient) {}

  async markApplied(organizationId: string, eventId: string): Promise<boolean> {
    return (await this.markAppliedAll(organizationId, [eventId])).has(eventId);
  }

  async markAppliedAll(organizationId: string, eventIds: readonly string[]): Promise<ReadonlySet<string>> {
    if (eventIds.length === 0) return new Set();
    const db = this.client.executor();
    // Live events share the organization's lock; a rebuild takes it alone, so the two never interleave.
    // A batch claims each organization's events in one call, so this runs once per organization.
    await lockOrganization(db, organizationId, "shared");
    const inserted = await db
      .insert(biAppliedEvents)
      .values(eventIds.map((eventId) => ({ organizationId, eventId })))
      .onConflictDoNothing()
      .returning({ eventId: biAppliedEvents.eventId });
    return new Set(inserted.map((row) => row.eventId));
  }

  async touch(organizationId: string, occurredAt: Date): Promise<void> {
    await this.client
      .executor()
      .insert(biProjectionState)
      .values({ organizationId, lastEventAt: occurredAt, lastAppliedAt: sql`now()` })
      .onConflictDoUpdate({
        target: biProjectionState.organizationId,
        set: {
          lastEventAt: sql`greatest(${biProjectionState.lastEventAt}, excluded.last_event_at)`,
          lastAppliedAt: sql`now()`,
        },
      });
  }

  async organization(organizationId: string): Promise<OrganizationSettings | null> {
    const [row] = await this.client
      .executor()
      .select()
      .from(biOrganizations)
      .where(eq(biOrganizations.organizationId, organizationId));
    return row ?? null;
  }

  async saveOrganization(settings: OrganizationSettings): Promise<void> {
    await this.client
      .executor()
      .insert(biOrganizations)
      .values(settings)
      .onConflictDoUpdate({
        target: biOrganizations.organizationId,
        set: { name: settings.name, currency: settings.currency, timezone: settings.timezone },
      });
  }

  async invoice(organizationId: string, invoiceId: string): Promise<InvoiceRecord | null> {
    const [row] = await this.client
      .executor()
      .select()
      .from(biInvoices)
      .where(and(eq(biInvoices.organizationId, organizationId), eq(biInvoices.invoiceId, invoiceId)));
    return row ? { invoiceId: row.invoiceId, issueDate: row.issueDate, status: row.status, lines: row.lines } : null;
  }

  async invoices(organizationId: string, invoiceIds: readonly string[]): Promise<ReadonlyMap<string, InvoiceRecord>> {
    if (invoiceIds.length === 0) return new Map();
    const rows = await this.client
      .executor()
      .select()
      .from(biInvoices)
      .where(and(eq(biInvoices.organizationId, organizationId), inArray(biInvoices.invoiceId, [...invoiceIds])));
    return new Map(
      rows.map((row) => [
        row.invoiceId,
        { invoiceId: row.invoiceId, issueDate: row.issueDate, status: row.status, lines: row.lines },
      ]),
    );
  }

  saveInvoice(organizationId: string, invoice: InvoiceRecord): Promise<void> {
    return this.saveInvoices(organizationId, [invoice]);
  }

  async saveInvoices(organizationId: string, invoices: readonly InvoiceRecord[]): Promise<void> {
    // One row per invoice (the last state wins), in id order like every other multi-row write here.
    const unique = [...new Map(invoices.map((i) => [i.invoiceId, i])).values()].sort((a, b) =>
      a.invoiceId < b.invoiceId ? -1 : 1,
    );
    if (unique.length === 0) return;
    await this.client
      .executor()
      .insert(biInvoices)
      .values(unique.map((i) => ({ organizationId, ...i, lines: i.lines ? [...i.lines] : null })))
      .onConflictDoUpdate({
        target: [biInvoices.organizationId, biInvoices.invoiceId],
        set: { issueDate: sql`excluded.issue_date`, status: sql`excluded.status`, lines: sql`excluded.lines` },
      });
  }

  async documentDay(organizationId: string, kind: DocumentKind, documentId: string): Promise<string | null> {
    const [row] = await this.client
      .executor()
      .select({ day: biDocumentDays.day })
      .from(biDocumentDays)
      .where(
        and(
          eq(biDocumentDays.organizationId, organizationId),
          eq(biDocumentDays.kind, kind),
          eq(biDocumentDays.documentId, documentId),
        ),
      );
    return row?.day ?? null;
  }

  saveDocumentDay(organizationId: string, kind: DocumentKind, documentId: string, day: string): Promise<void> {
    return this.saveDocumentDays(organizationId, [{ kind, documentId, day }]);
  }

  async saveDocumentDays(
    organizationId: string,
    days: readonly { kind: DocumentKind; documentId: string; day: string }[],
  ): Promise<void> {
    const unique = [...new Map(days.map((d) => [`${d.kind}|${d.documentId}`, d])).entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, d]) => d);
    if (unique.length === 0) return;
    await this.client
      .executor()
      .insert(biDocumentDays)
      .values(unique.map((d) => ({ organizationId, ...d })))
      .onConflictDoUpdate({
        target: [biDocumentDays.organizationId, biDocumentDays.kind, biDocumentDays.documentId],
        set: { day: sql`excluded.day` },
      });
  }

  async saveProducts(organizationId: string, products: readonly ProductName[]): Promise<void> {
    const unique = [...new Map(products.map((p) => [p.productId, p])).values()].sort((a, b) =>
      a.productId < b.productId ? -1 : 1,
    );
    if (unique.length === 0) return;
    await this.client
      .executor()
      .insert(biProducts)
      .values(unique.map((p) => ({ organizationId, ...p })))
      .onConflictDoUpdate({
        target: [biProducts.organizationId, biProducts.productId],
        set: {
          name: sql`excluded.name`,
          sku: sql`excluded.sku`,
          unit: sql`coalesce(excluded.unit, ${biProducts.unit})`,
        },
      });
  }

  async addFacts(organizationId: string, deltas: readonly FactDelta[]): Promise<void> {
    const db = this.client.executor();
    const days = dayTotals(deltas);
    if (days.length > 0) {
      await db
        .insert(dailyFacts)
        .values(days.map((d) => factValues(organizationId, d.day, d.measures)))
        .onConflictDoUpdate({
          target: [dailyFacts.organizationId, dailyFacts.day],
          set: incrementAll("daily_facts", true),
        });
    }
    const products = deltas.filter((d) => d.productId !== null);
    if (products.length > 0) {
      await db
        .insert(dailyProductFacts)
        .values(products.map((d) => productFactValues(organizationId, d)))
        .onConflictDoUpdate({
          target: [dailyProductFacts.organizationId, dailyProductFacts.day, dailyProductFacts.productId],
          set: incrementAll("daily_product_facts", false),
        });
    }
  }
}

export async function lockOrganization(
  db: ReturnType<DatabaseClient["executor"]>,
  organizationId: string,
  mode: "shared" | "exclusive",
) {
  const key = sql`hashtext('nexus.bi'), hashtext(${organizationId})`;
  await db.execute(
    mode === "shared" ? sql`select pg_advisory_xact_lock_shared(${key})` : sql`select pg_advisory_xact_lock(${key})`,
  );
}

/** `column = table.column + excluded.column` for every measure. */
function incrementAll(table: string, withInvoiceCount: boolean) {
  const columns = [
    "revenue_net",
    "tax",
    "units_sold",
    "units_produced",
    "production_cost",
    "cost_of_goods_sold",
    ...(withInvoiceCount ? ["invoice_count"] : []),
  ];
  const camel = (c: string) => c.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
  return Object.fromEntries(
    columns.map((c) => [camel(c), sql.raw(`"bi"."${table}"."${c}" + excluded."${c}"`)]),
  ) as Record<string, ReturnType<typeof sql.raw>>;
}
