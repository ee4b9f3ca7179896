import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  arbitraryDay,
  arbitraryMoney,
  arbitraryProductId,
  arbitraryQuantity,
  date,
  Money,
  unwrapQuantity,
} from "../../../../test/bi/support/bi-domain.fixtures";
import {
  costOfGoodsDeltas,
  creditNoteDeltas,
  type FactDelta,
  invoiceCancelledDeltas,
  invoiceIssuedDeltas,
  type SalesDocument,
} from "./fact-delta";
import { type Measures, measuresEqual, sumMeasures, ZERO_MEASURES } from "./measures";

const line = fc.record({
  productId: arbitraryProductId,
  quantity: arbitraryQuantity,
  net: arbitraryMoney(),
  tax: arbitraryMoney(10n ** 8n),
});
const document = fc.record({ issueDate: arbitraryDay, lines: fc.array(line, { minLength: 1, maxLength: 6 }) });

const total = (deltas: readonly FactDelta[]): Measures => sumMeasures(deltas.map((d) => d.measures));

describe("fact deltas", () => {
  it("books an invoice's lines per product on its issue date and counts it once", () => {
    const invoice: SalesDocument = {
      issueDate: date("2026-03-05"),
      lines: [
        { productId: "bread", quantity: unwrapQuantity("2"), net: Money.ofMinor(500), tax: Money.ofMinor(115) },
        { productId: "cake", quantity: unwrapQuantity("0.5"), net: Money.ofMinor(900), tax: Money.ofMinor(207) },
        { productId: "bread", quantity: unwrapQuantity("1.25"), net: Money.ofMinor(313), tax: Money.ofMinor(72) },
      ],
    };
    const deltas = invoiceIssuedDeltas(invoice);
    expect(deltas.map((d) => [d.day.toString(), d.productId])).toEqual([
      ["2026-03-05", null],
      ["2026-03-05", "bread"],
      ["2026-03-05", "cake"],
    ]);
    const bread = deltas.find((d) => d.productId === "bread")?.measures;
    expect(bread?.revenueNet.minor).toBe(813n);
    expect(bread?.unitsSold.toString()).toBe("3.25");
    expect(total(deltas).invoiceCount).toBe(1);
    expect(total(deltas).tax.minor).toBe(394n);
  });

  it("keeps a document's totals: revenue and tax are the sums of its lines", () => {
    fc.assert(
      fc.property(document, (invoice) => {
        const sum = total(invoiceIssuedDeltas(invoice));
        return (
          sum.revenueNet.equals(Money.sum(invoice.lines.map((l) => l.net))) &&
          sum.tax.equals(Money.sum(invoice.lines.map((l) => l.tax)))
        );
      }),
    );
  });

  it("cancelling an invoice leaves every (day, product) as if it had never been issued", () => {
    fc.assert(
      fc.property(document, (invoice) => {
        const issued = invoiceIssuedDeltas(invoice);
        const cancelled = invoiceCancelledDeltas(invoice);
        return issued.every((d, i) => {
          const back = cancelled[i];
          return (
            back !== undefined &&
            back.productId === d.productId &&
            measuresEqual(sumMeasures([d.measures, back.measures]), ZERO_MEASURES)
          );
        });
      }),
    );
  });

  it("a credit note subtracts revenue, tax and units on its own date and keeps the invoice count", () => {
    fc.assert(
      fc.property(document, (note) => {
        const deltas = creditNoteDeltas(note);
        const sum = total(deltas);
        return (
          deltas.every((d) => d.day.equals(note.issueDate) && d.productId !== null) &&
          sum.invoiceCount === 0 &&
          sum.revenueNet.equals(Money.sum(note.lines.map((l) => l.net)).negate())
        );
      }),
    );
  });

  it("ships and returns cost of goods symmetrically", () => {
    fc.assert(
      fc.property(
        arbitraryDay,
        fc.array(fc.record({ productId: arbitraryProductId, quantity: arbitraryQuantity, cost: arbitraryMoney() })),
        (day, lines) =>
          measuresEqual(
            total([...costOfGoodsDeltas(day, lines, 1), ...costOfGoodsDeltas(day, lines, -1)]),
            ZERO_MEASURES,
          ),
      ),
    );
  });

  it("orders deltas by day then product, so writers lock rows in one order", () => {
    fc.assert(
      fc.property(document, (invoice) => {
        const keys = invoiceIssuedDeltas(invoice).map((d) => `${d.day}|${d.productId ?? ""}`);
        return keys.every((k, i) => i === 0 || (keys[i - 1] as string) < k);
      }),
    );
  });
});
