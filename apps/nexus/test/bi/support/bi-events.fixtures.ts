import { randomUUID } from "node:crypto";
import type { ProjectedEvent } from "@/contexts/bi/application/projected-events";

/**
 * Integration events shaped exactly as CONTRACTS.md describes them (extra fields included), for
 * projector and projection tests.
 */
export const ORG = "0190f0c4-0000-7000-8000-000000000001";
export const BREAD = "0190f0c4-0000-7000-8000-00000000b001";
export const CAKE = "0190f0c4-0000-7000-8000-00000000c001";

let clock = Date.parse("2026-03-01T10:00:00Z");
function nextTime(): string {
  clock += 1000;
  return new Date(clock).toISOString();
}

function envelope<T extends ProjectedEvent["type"]>(type: T, payload: unknown, organizationId = ORG): ProjectedEvent {
  return { id: randomUUID(), type, organizationId, occurredAt: nextTime(), payload } as ProjectedEvent;
}

export interface SaleLine {
  productId: string;
  quantity: string;
  unitPrice: number;
  net: number;
  tax: number;
}

export function organizationCreated(
  timezone = "Europe/Lisbon",
  currency = "EUR",
  organizationId = ORG,
): ProjectedEvent {
  return envelope(
    "auth.organization.created.v1",
    { organizationId, name: "Bakery", currency, timezone },
    organizationId,
  );
}

export function invoiceIssued(issueDate: string, lines: SaleLine[], invoiceId: string = randomUUID()): ProjectedEvent {
  const net = lines.reduce((s, l) => s + l.net, 0);
  const tax = lines.reduce((s, l) => s + l.tax, 0);
  return envelope("tax.invoice.issued.v1", {
    invoiceId,
    number: `${issueDate.slice(0, 4)}-000001`,
    issueDate,
    currency: "EUR",
    customer: { name: "Café", taxId: null },
    lines: lines.map((l, i) => ({
      lineNumber: i + 1,
      productId: l.productId,
      productName: l.productId === BREAD ? "Bread" : "Cake",
      sku: l.productId === BREAD ? "BRD" : "CAK",
      unit: "unit",
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      net: l.net,
      tax: l.tax,
      taxes: [{ code: "VAT", rateBasisPoints: 2300, amount: l.tax }],
    })),
    totals: { net, tax, gross: net + tax },
  });
}

export function invoiceIdOf(event: ProjectedEvent): string {
  return (event.payload as { invoiceId: string }).invoiceId;
}

export function invoiceCancelled(issued: ProjectedEvent): ProjectedEvent {
  const p = issued.payload as { invoiceId: string; number: string; issueDate: string; totals: unknown };
  return envelope("tax.invoice.cancelled.v1", {
    invoiceId: p.invoiceId,
    number: p.number,
    issueDate: p.issueDate,
    cancelledAt: nextTime(),
    reason: "issued in error",
    currency: "EUR",
    totals: p.totals,
  });
}

export function creditNoteIssued(
  invoice: ProjectedEvent,
  issueDate: string,
  lines: SaleLine[],
  restock = false,
  creditNoteId: string = randomUUID(),
): ProjectedEvent {
  const net = lines.reduce((s, l) => s + l.net, 0);
  const tax = lines.reduce((s, l) => s + l.tax, 0);
  return envelope("tax.credit-note.issued.v1", {
    creditNoteId,
    number: `CN-${issueDate.slice(0, 4)}-000001`,
    invoiceId: invoiceIdOf(invoice),
    invoiceNumber: "2026-000001",
    issueDate,
    restock,
    currency: "EUR",
    lines: lines.map((l, i) => ({
      lineNumber: i + 1,
      productId: l.productId,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      net: l.net,
      tax: l.tax,
      taxes: [{ code: "VAT", rateBasisPoints: 2300, amount: l.tax }],
    })),
    totals: { net, tax, gross: net + tax },
  });
}

export function orderCompleted(
  productId: string,
  producedQuantity: string,
  cost: number,
  completedAt: string,
): ProjectedEvent {
  return envelope("production.order.completed.v1", {
    orderId: randomUUID(),
    productId,
    productName: productId === BREAD ? "Bread" : "Cake",
    sku: productId === BREAD ? "BRD" : "CAK",
    producedQuantity,
    cost,
    productLotId: randomUUID(),
    completedAt,
  });
}

export function goodsShipped(
  invoice: ProjectedEvent,
  lines: { productId: string; quantity: string; cost: number }[],
): ProjectedEvent {
  const p = invoice.payload as { invoiceId: string; number: string; issueDate: string };
  return envelope("production.goods.shipped.v1", {
    invoiceId: p.invoiceId,
    invoiceNumber: p.number,
    issueDate: p.issueDate,
    lines: lines.map((l) => ({ ...l, shortfallQuantity: "0", lots: [] })),
  });
}

export function goodsReturned(
  invoice: ProjectedEvent,
  lines: { productId: string; quantity: string; cost: number }[],
  creditNote: ProjectedEvent | null,
): ProjectedEvent {
  return envelope("production.goods.returned.v1", {
    invoiceId: invoiceIdOf(invoice),
    creditNoteId: creditNote ? (creditNote.payload as { creditNoteId: string }).creditNoteId : null,
    reason: creditNote ? "credit-note-restock" : "invoice-cancelled",
    lines,
  });
}

/** The same event for another organization (envelope, and payload for auth's organization events). */
export function inOrganization(organizationId: string, event: ProjectedEvent): ProjectedEvent {
  const payload = event.type.startsWith("auth.organization.") ? { ...event.payload, organizationId } : event.payload;
  return { ...event, organizationId, payload } as ProjectedEvent;
}
