import { Money, Quantity } from "@/shared/domain/exact-arithmetic";
import {
  type CostLine,
  costOfGoodsDeltas,
  creditNoteDeltas,
  invoiceCancelledDeltas,
  invoiceIssuedDeltas,
  productionDeltas,
  type SalesDocument,
} from "../domain/fact-delta";
import { LocalDate } from "../domain/local-date.value-object";
import type { InvoiceLineRecord, InvoiceRecord, ProjectionStore } from "./ports/projection-store.port";
import type { ProjectedEvent } from "./projected-events";

/** Organizations BI has not heard of yet get UTC days until their settings arrive. */
const DEFAULT_TIMEZONE = "UTC";

/**
 * Applies one integration event to an organization's projections through `store`. The same code runs
 * for live delivery and for a rebuild from the event log, which is why both give identical facts.
 * Resolves to the organization whose figures changed, or null when the event was already reflected
 * (a redelivery) or belongs to no organization.
 */
export async function projectEvent(store: ProjectionStore, event: ProjectedEvent): Promise<string | null> {
  const org = organizationOfEvent(event);
  if (!org) return null;
  if (!(await store.markApplied(org, event.id))) return null;
  await applyTo(store, org, event);
  await store.touch(org, new Date(event.occurredAt));
  return org;
}

async function applyTo(store: ProjectionStore, org: string, event: ProjectedEvent): Promise<void> {
  switch (event.type) {
    case "auth.organization.created.v1":
    case "auth.organization.updated.v1": {
      const { name, currency, timezone } = event.payload;
      await store.saveOrganization({ organizationId: org, name, currency, timezone });
      return;
    }
    case "tax.invoice.issued.v1": {
      const { invoiceId, issueDate, lines } = event.payload;
      await store.saveProducts(
        org,
        lines.map((l) => ({ productId: l.productId, name: l.productName, sku: l.sku, unit: l.unit })),
      );
      const known = await store.invoice(org, invoiceId);
      const record: InvoiceRecord = {
        invoiceId,
        issueDate,
        status: known?.status ?? "issued",
        lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity, net: l.net, tax: l.tax })),
      };
      await store.saveInvoice(org, record);
      // Its cancellation came first (another aggregate's order is not guaranteed): nothing to count.
      if (record.status === "issued") await store.addFacts(org, invoiceIssuedDeltas(salesDocument(record)));
      return;
    }
    case "tax.invoice.cancelled.v1": {
      const { invoiceId, issueDate } = event.payload;
      const known = await store.invoice(org, invoiceId);
      if (known?.status === "cancelled") return;
      await store.saveInvoice(org, { invoiceId, issueDate, status: "cancelled", lines: known?.lines ?? null });
      if (known) await store.addFacts(org, invoiceCancelledDeltas(salesDocument(known)));
      return;
    }
    case "tax.credit-note.issued.v1": {
      const { creditNoteId, issueDate, lines } = event.payload;
      await store.saveDocumentDay(org, "credit-note", creditNoteId, issueDate);
      await store.addFacts(org, creditNoteDeltas(salesDocument({ issueDate, lines })));
      return;
    }
    case "production.order.completed.v1": {
      const { productId, productName, sku, producedQuantity, cost, completedAt } = event.payload;
      await store.saveProducts(org, [{ productId, name: productName, sku, unit: null }]);
      const day = LocalDate.ofInstant(new Date(completedAt), await timezoneOf(store, org));
      await store.addFacts(org, productionDeltas(day, productId, quantity(producedQuantity), Money.ofMinor(cost)));
      return;
    }
    case "production.goods.shipped.v1": {
      const { invoiceId, issueDate, lines } = event.payload;
      await store.saveDocumentDay(org, "shipment", invoiceId, issueDate);
      await store.addFacts(org, costOfGoodsDeltas(parseDate(issueDate), costLines(lines), 1));
      return;
    }
    case "production.goods.returned.v1": {
      const day = await returnDay(store, org, event.payload, event.occurredAt);
      await store.addFacts(org, costOfGoodsDeltas(day, costLines(event.payload.lines), -1));
      return;
    }
  }
}

/**
 * Goods returned for a cancelled invoice leave the shipment's day (cancellation is same-day); goods
 * restocked by a credit note return on the credit note's day. When that document has not been seen,
 * the day the return happened in the organization's calendar stands in.
 */
async function returnDay(
  store: ProjectionStore,
  org: string,
  payload: Extract<ProjectedEvent, { type: "production.goods.returned.v1" }>["payload"],
  occurredAt: string,
): Promise<LocalDate> {
  const known =
    payload.reason === "credit-note-restock" && payload.creditNoteId
      ? await store.documentDay(org, "credit-note", payload.creditNoteId)
      : ((await store.documentDay(org, "shipment", payload.invoiceId)) ??
        (await store.invoice(org, payload.invoiceId))?.issueDate ??
        null);
  return known ? parseDate(known) : LocalDate.ofInstant(new Date(occurredAt), await timezoneOf(store, org));
}

/** The organization whose projections an event changes (auth's organization events name it in the payload). */
export function organizationOfEvent(event: ProjectedEvent): string | null {
  if (event.organizationId) return event.organizationId;
  return event.type === "auth.organization.created.v1" || event.type === "auth.organization.updated.v1"
    ? event.payload.organizationId
    : null;
}

/** The invoices an event may read back (issued, cancelled, returned goods): a batch reads them up front. */
export function invoiceIdOfEvent(event: ProjectedEvent): string | null {
  switch (event.type) {
    case "tax.invoice.issued.v1":
    case "tax.invoice.cancelled.v1":
    case "production.goods.returned.v1":
      return event.payload.invoiceId;
    default:
      return null;
  }
}

async function timezoneOf(store: ProjectionStore, org: string): Promise<string> {
  return (await store.organization(org))?.timezone ?? DEFAULT_TIMEZONE;
}

function salesDocument(document: {
  readonly issueDate: string;
  readonly lines: readonly InvoiceLineRecord[] | null;
}): SalesDocument {
  return {
    issueDate: parseDate(document.issueDate),
    lines: (document.lines ?? []).map((l) => ({
      productId: l.productId,
      quantity: quantity(l.quantity),
      net: Money.ofMinor(l.net),
      tax: Money.ofMinor(l.tax),
    })),
  };
}

function costLines(lines: readonly { productId: string; quantity: string; cost: number }[]): CostLine[] {
  return lines.map((l) => ({ productId: l.productId, quantity: quantity(l.quantity), cost: Money.ofMinor(l.cost) }));
}

// The publishers' contracts validated these fields: a failure here is a bug, so it throws.
function quantity(text: string): Quantity {
  const parsed = Quantity.parse(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

function parseDate(text: string): LocalDate {
  const parsed = LocalDate.parse(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}
