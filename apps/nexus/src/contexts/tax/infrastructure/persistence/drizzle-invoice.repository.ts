import { and, desc, eq, gte, ilike, inArray, lte } from "drizzle-orm";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { keysetPage } from "@/shared/infrastructure/database/keyset-page";
import type { InvoiceFilter, InvoiceRepository } from "../../application/ports/invoice.repository";
import type { Page, PageRequest } from "../../application/ports/page";
import type { Invoice } from "../../domain/invoice.entity";
import { insertWithLines } from "./document-insert";
import { afterPosition, containsPattern, documentPosition } from "./document-page";
import { type InvoiceRow, invoices } from "./invoice.table";
import { type InvoiceLineRow, invoiceLines } from "./invoice-line.table";
import { toInvoice, toInvoiceValues, toLineValues } from "./tax-document.mapper";

export class DrizzleInvoiceRepository implements InvoiceRepository {
  constructor(private readonly client: DatabaseClient) {}

  async add(invoice: Invoice): Promise<void> {
    const db = this.client.executor();
    const { organizationId } = invoice.props;
    await withDatabaseErrors(() =>
      insertWithLines(
        db,
        db.insert(invoices).values(toInvoiceValues(invoice)),
        db
          .insert(invoiceLines)
          .values(invoice.lines.map((line) => ({ invoiceId: invoice.id, ...toLineValues(organizationId, line) }))),
      ),
    );
  }

  async findById(organizationId: Uuid, id: Uuid, options: { readonly lock?: boolean } = {}): Promise<Invoice | null> {
    const db = this.client.executor();
    const where = and(eq(invoices.organizationId, organizationId), eq(invoices.id, id));
    const [row] = await withDatabaseErrors(() =>
      options.lock ? db.select().from(invoices).where(where).for("update") : db.select().from(invoices).where(where),
    );
    if (!row) return null;
    const [invoice] = await this.withLines([row]);
    return invoice ?? null;
  }

  async saveCancellation(invoice: Invoice): Promise<void> {
    const { cancellation, organizationId } = invoice.props;
    if (!cancellation) throw new Error(`invoice ${invoice.id} is not cancelled`);
    await withDatabaseErrors(() =>
      this.client
        .executor()
        .update(invoices)
        .set({ status: "cancelled", cancelledAt: cancellation.at.toDate(), cancellationReason: cancellation.reason })
        .where(and(eq(invoices.organizationId, organizationId), eq(invoices.id, invoice.id))),
    );
  }

  async list(organizationId: Uuid, filter: InvoiceFilter, page: PageRequest): Promise<Page<Invoice>> {
    const rows = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select()
        .from(invoices)
        .where(
          and(
            eq(invoices.organizationId, organizationId),
            filter.from ? gte(invoices.issueDate, filter.from) : undefined,
            filter.to ? lte(invoices.issueDate, filter.to) : undefined,
            filter.status ? eq(invoices.status, filter.status) : undefined,
            filter.customer ? ilike(invoices.customerName, containsPattern(filter.customer)) : undefined,
            afterPosition(invoices.issueDate, invoices.id, page),
          ),
        )
        .orderBy(desc(invoices.issueDate), desc(invoices.id))
        .limit(page.limit + 1),
    );
    const { items, nextCursor } = keysetPage(rows, page.limit, documentPosition);
    return { items: await this.withLines(items), next: nextCursor };
  }

  private async withLines(rows: readonly InvoiceRow[]): Promise<Invoice[]> {
    if (rows.length === 0) return [];
    const lines = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select()
        .from(invoiceLines)
        .where(
          inArray(
            invoiceLines.invoiceId,
            rows.map((r) => r.id),
          ),
        ),
    );
    const byInvoice = new Map<string, InvoiceLineRow[]>();
    for (const line of lines) byInvoice.set(line.invoiceId, [...(byInvoice.get(line.invoiceId) ?? []), line]);
    return rows.map((row) => toInvoice(row, byInvoice.get(row.id) ?? []));
  }
}
