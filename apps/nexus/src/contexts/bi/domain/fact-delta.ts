import type { Money, Quantity } from "@/shared/domain/exact-arithmetic";
import type { LocalDate } from "./local-date.value-object";
import { addMeasures, type Measures, measures, negateMeasures } from "./measures";

/**
 * What one business document changes in the facts of one day: per product, or for the day only
 * (`productId` null: the invoice count). Applying a document's deltas, and later its reversal's,
 * leaves the facts exactly as they were.
 */
export interface FactDelta {
  readonly day: LocalDate;
  readonly productId: string | null;
  readonly measures: Measures;
}

export interface SoldLine {
  readonly productId: string;
  readonly quantity: Quantity;
  readonly net: Money;
  readonly tax: Money;
}

/** An issued invoice, or a credit note, as BI needs it: its issue date and per-line amounts. */
export interface SalesDocument {
  readonly issueDate: LocalDate;
  readonly lines: readonly SoldLine[];
}

export interface CostLine {
  readonly productId: string;
  readonly quantity: Quantity;
  readonly cost: Money;
}

/** Revenue and tax on the issue date, one more invoice that day. */
export function invoiceIssuedDeltas(invoice: SalesDocument): FactDelta[] {
  return merge([
    { day: invoice.issueDate, productId: null, measures: measures({ invoiceCount: 1 }) },
    ...soldDeltas(invoice, 1),
  ]);
}

/** Cancelling takes back exactly what issuing added, on the invoice's own issue date. */
export function invoiceCancelledDeltas(invoice: SalesDocument): FactDelta[] {
  return invoiceIssuedDeltas(invoice).map(negate);
}

/** A credit note subtracts its lines on its own issue date (the tax liability report does the same). */
export function creditNoteDeltas(creditNote: SalesDocument): FactDelta[] {
  return merge(soldDeltas(creditNote, -1));
}

export function productionDeltas(day: LocalDate, productId: string, produced: Quantity, cost: Money): FactDelta[] {
  return [{ day, productId, measures: measures({ unitsProduced: produced, productionCost: cost }) }];
}

/** Cost of goods sold: `sign` 1 for goods shipped, -1 for goods returned. */
export function costOfGoodsDeltas(day: LocalDate, lines: readonly CostLine[], sign: 1 | -1): FactDelta[] {
  return merge(
    lines.map((line) => ({
      day,
      productId: line.productId,
      measures: measures({ costOfGoodsSold: sign === 1 ? line.cost : line.cost.negate() }),
    })),
  );
}

function soldDeltas(document: SalesDocument, sign: 1 | -1): FactDelta[] {
  return document.lines.map((line) => {
    const m = measures({ revenueNet: line.net, tax: line.tax, unitsSold: line.quantity });
    return { day: document.issueDate, productId: line.productId, measures: sign === 1 ? m : negateMeasures(m) };
  });
}

function negate(delta: FactDelta): FactDelta {
  return { ...delta, measures: negateMeasures(delta.measures) };
}

/**
 * One delta per (day, product), sorted by day then product, so writers always touch rows in the
 * same order (no deadlock between two documents sharing products).
 */
export function merge(deltas: readonly FactDelta[]): FactDelta[] {
  const byKey = new Map<string, FactDelta>();
  for (const delta of deltas) {
    const key = `${delta.day.toString()}|${delta.productId ?? ""}`;
    const seen = byKey.get(key);
    byKey.set(key, seen ? { ...seen, measures: addMeasures(seen.measures, delta.measures) } : delta);
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, delta]) => delta);
}
