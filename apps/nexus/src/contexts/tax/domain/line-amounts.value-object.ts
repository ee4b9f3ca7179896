import { lineAmount, Money, percentOf, type Quantity } from "@/shared/domain/exact-arithmetic";

/** A rate as applied to a line: snapshotted on the document, so later rate changes never touch it. */
export interface AppliedRate {
  readonly code: string;
  readonly rateBasisPoints: number;
}

export interface LineTax extends AppliedRate {
  readonly amount: Money;
}

/** What a document line is worth: net, one tax per applied rate, and their sum. */
export interface LineAmounts {
  readonly net: Money;
  readonly taxes: readonly LineTax[];
  readonly tax: Money;
}

export interface DocumentTotals {
  readonly net: Money;
  readonly tax: Money;
  readonly gross: Money;
}

/**
 * net = quantity × unitPrice half-to-even; for each rate, tax = net × rate half-to-even (spec §6).
 * Every figure is rounded once, per line and per tax; totals only add rounded figures (`sumTotals`).
 */
export function priceLine(quantity: Quantity, unitPrice: Money, rates: readonly AppliedRate[]): LineAmounts {
  const net = lineAmount(quantity, unitPrice);
  return withTaxes(net, rates, (rate) => percentOf(net, rate.rateBasisPoints));
}

/**
 * The amounts of crediting `quantity` of an invoice line of which `creditedBefore` was already
 * credited: the figures of (before + quantity) minus those of (before), each rounded as on the
 * invoice. Successive credits of a line therefore add up exactly to the invoice line's net and
 * taxes, never more, and the first credit of a line is rounded exactly like an invoice line.
 */
export function creditSlice(
  unitPrice: Money,
  rates: readonly AppliedRate[],
  creditedBefore: Quantity,
  quantity: Quantity,
): LineAmounts {
  const before = priceLine(creditedBefore, unitPrice, rates);
  const after = priceLine(creditedBefore.add(quantity), unitPrice, rates);
  return withTaxes(after.net.subtract(before.net), rates, (_rate, index) =>
    amountAt(after, index).subtract(amountAt(before, index)),
  );
}

export function sumTotals(lines: readonly LineAmounts[]): DocumentTotals {
  const net = Money.sum(lines.map((line) => line.net));
  const tax = Money.sum(lines.map((line) => line.tax));
  return { net, tax, gross: net.add(tax) };
}

function withTaxes(
  net: Money,
  rates: readonly AppliedRate[],
  amountOf: (rate: AppliedRate, index: number) => Money,
): LineAmounts {
  const taxes = rates.map((rate, index) => ({
    code: rate.code,
    rateBasisPoints: rate.rateBasisPoints,
    amount: amountOf(rate, index),
  }));
  return { net, taxes, tax: Money.sum(taxes.map((t) => t.amount)) };
}

function amountAt(amounts: LineAmounts, index: number): Money {
  const tax = amounts.taxes[index];
  if (!tax) throw new Error(`no tax at index ${index}`);
  return tax.amount;
}

/** One row of a document's tax breakdown: the lines carrying a code at a rate, and that tax on them. */
export interface TaxBreakdownRow extends AppliedRate {
  readonly taxableAmount: Money;
  readonly taxAmount: Money;
}

/** Per code and rate, ordered by code then rate; sums of the rounded line figures (never re-rounded). */
export function taxBreakdown(lines: readonly LineAmounts[]): TaxBreakdownRow[] {
  const rows = new Map<string, { code: string; rateBasisPoints: number; taxable: Money; tax: Money }>();
  for (const line of lines) {
    for (const tax of line.taxes) {
      const key = `${tax.code}\u0000${tax.rateBasisPoints}`;
      const row = rows.get(key) ?? {
        code: tax.code,
        rateBasisPoints: tax.rateBasisPoints,
        taxable: Money.ZERO,
        tax: Money.ZERO,
      };
      rows.set(key, { ...row, taxable: row.taxable.add(line.net), tax: row.tax.add(tax.amount) });
    }
  }
  return [...rows.values()]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.rateBasisPoints - b.rateBasisPoints))
    .map((row) => ({
      code: row.code,
      rateBasisPoints: row.rateBasisPoints,
      taxableAmount: row.taxable,
      taxAmount: row.tax,
    }));
}
