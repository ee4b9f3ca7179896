import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AppliedRate, creditSlice, priceLine, sumTotals } from "@/contexts/tax/domain/line-amounts.value-object";
import { Money, Quantity } from "@/shared/domain/exact-arithmetic";
import { money, qty } from "../support/tax-domain-fixtures";

const quantityArb = fc.bigInt({ min: 1n, max: 10n ** 12n }).map((milli) => Quantity.fromMilli(milli));
const priceArb = fc.bigInt({ min: 0n, max: 10n ** 9n }).map((minor) => Money.ofMinor(minor));
const ratesArb = fc.array(
  fc.record({ code: fc.constantFrom("VAT", "ECO", "LUX"), rateBasisPoints: fc.integer({ min: 0, max: 10_000 }) }),
  { maxLength: 3 },
);

/** Exact rational check: the rounded figure is within half a unit of the true value. */
function withinHalf(rounded: bigint, numerator: bigint, denominator: bigint): boolean {
  const diff = rounded * denominator - numerator;
  return 2n * (diff < 0n ? -diff : diff) <= denominator;
}

describe("priceLine: net = quantity × unitPrice, tax = net × rate, each half-to-even", () => {
  it("rounds ties to even, per line and per tax", () => {
    expect(priceLine(qty("0.5"), money(1), []).net.minor).toBe(0n);
    expect(priceLine(qty("1.5"), money(1), []).net.minor).toBe(2n);
    expect(priceLine(qty("2.5"), money(1), []).net.minor).toBe(2n);
    expect(priceLine(qty("0.125"), money(100), []).net.minor).toBe(12n); // 12.5 → 12
    expect(priceLine(qty("1"), money(25), [{ code: "VAT", rateBasisPoints: 1000 }]).tax.minor).toBe(2n); // 2.5
    expect(priceLine(qty("1"), money(35), [{ code: "VAT", rateBasisPoints: 1000 }]).tax.minor).toBe(4n); // 3.5
  });

  it("has no drift: net and every tax are within half a minor unit of the exact value", () => {
    fc.assert(
      fc.property(quantityArb, priceArb, ratesArb, (quantity, unitPrice, rates) => {
        const line = priceLine(quantity, unitPrice, rates);
        expect(withinHalf(line.net.minor, quantity.milli * unitPrice.minor, 1000n)).toBe(true);
        line.taxes.forEach((tax, i) => {
          const bp = BigInt(rates[i]?.rateBasisPoints ?? -1);
          expect(withinHalf(tax.amount.minor, line.net.minor * bp, 10_000n)).toBe(true);
        });
        expect(line.tax.equals(Money.sum(line.taxes.map((t) => t.amount)))).toBe(true);
      }),
    );
  });

  it("totals are the sums of the rounded lines, and gross = net + tax", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(quantityArb, priceArb, ratesArb), { minLength: 1, maxLength: 20 }), (specs) => {
        const lines = specs.map(([q, p, r]) => priceLine(q, p, r));
        const totals = sumTotals(lines);
        expect(totals.net.minor).toBe(lines.reduce((s, l) => s + l.net.minor, 0n));
        expect(totals.tax.minor).toBe(lines.reduce((s, l) => s + l.taxes.reduce((t, x) => t + x.amount.minor, 0n), 0n));
        expect(totals.gross.equals(totals.net.add(totals.tax))).toBe(true);
      }),
    );
  });
});

describe("creditSlice: successive credits of a line", () => {
  const splitArb = fc
    .tuple(quantityArb, fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 6 }))
    .map(([total, weights]) => {
      // Cut the invoiced quantity into parts proportional to the weights; the last takes the rest.
      const sum = BigInt(weights.reduce((a, b) => a + b, 0));
      const parts: bigint[] = [];
      let given = 0n;
      for (const [i, w] of weights.entries()) {
        const part = i === weights.length - 1 ? total.milli - given : (total.milli * BigInt(w)) / sum;
        parts.push(part);
        given += part;
      }
      return { total, parts: parts.filter((p) => p > 0n).map((p) => Quantity.fromMilli(p)) };
    });

  it("add up exactly to the invoice line (net and every tax), each slice non-negative", () => {
    fc.assert(
      fc.property(splitArb, priceArb, ratesArb, ({ total, parts }, unitPrice, rates: AppliedRate[]) => {
        const invoiced = priceLine(total, unitPrice, rates);
        let before = Quantity.ZERO;
        const slices = parts.map((part) => {
          const slice = creditSlice(unitPrice, rates, before, part);
          before = before.add(part);
          return slice;
        });
        for (const slice of slices) {
          expect(slice.net.isNegative()).toBe(false);
          for (const tax of slice.taxes) expect(tax.amount.isNegative()).toBe(false);
        }
        expect(Money.sum(slices.map((s) => s.net)).equals(invoiced.net)).toBe(true);
        rates.forEach((_rate, i) => {
          const credited = Money.sum(slices.map((s) => s.taxes[i]?.amount ?? Money.ZERO));
          expect(credited.equals(invoiced.taxes[i]?.amount ?? Money.ZERO)).toBe(true);
        });
      }),
    );
  });

  it("a first credit is rounded exactly like an invoice line of that quantity", () => {
    fc.assert(
      fc.property(quantityArb, priceArb, ratesArb, (quantity, unitPrice, rates) => {
        expect(creditSlice(unitPrice, rates, Quantity.ZERO, quantity)).toEqual(priceLine(quantity, unitPrice, rates));
      }),
    );
  });
});
