import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Money, unwrapQuantity } from "../../../../test/bi/support/bi-domain.fixtures";
import { computeKpis, percentage } from "./kpis";
import { measures } from "./measures";

const money = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map((n) => Money.ofMinor(n));

describe("KPIs", () => {
  it("derives gross revenue, margin and their ratios from the period's sums", () => {
    const kpis = computeKpis(
      measures({
        revenueNet: Money.ofMinor(100_000),
        tax: Money.ofMinor(23_000),
        invoiceCount: 3,
        unitsSold: unwrapQuantity("12.5"),
        costOfGoodsSold: Money.ofMinor(58_730),
      }),
    );
    expect(kpis.revenueGross.minor).toBe(123_000n);
    expect(kpis.averageTicket?.minor).toBe(41_000n);
    expect(kpis.grossMargin.minor).toBe(41_270n);
    expect(kpis.grossMarginPct).toBe("41.27");
    expect(kpis.unitsSold.toString()).toBe("12.5");
  });

  it("has no average ticket without invoices and no margin ratio without revenue", () => {
    const kpis = computeKpis(measures({ costOfGoodsSold: Money.ofMinor(10) }));
    expect(kpis.averageTicket).toBeNull();
    expect(kpis.grossMarginPct).toBeNull();
    expect(kpis.grossMargin.minor).toBe(-10n);
  });

  it("rounds the average ticket half-to-even", () => {
    const ticket = (gross: number, count: number) =>
      computeKpis(measures({ revenueNet: Money.ofMinor(gross), invoiceCount: count })).averageTicket?.minor;
    expect(ticket(5, 2)).toBe(2n); // 2.5 → 2
    expect(ticket(7, 2)).toBe(4n); // 3.5 → 4
    expect(ticket(10, 3)).toBe(3n);
    expect(ticket(-5, 2)).toBe(-2n);
  });

  it("rounds the margin percentage half-to-even to 2 decimals", () => {
    expect(percentage(Money.ofMinor(1), Money.ofMinor(80_000))).toBe("0"); // 0.00125 % → 0.00
    expect(percentage(Money.ofMinor(1), Money.ofMinor(40_000))).toBe("0"); // 0.0025 % → 0.00 (even)
    expect(percentage(Money.ofMinor(3), Money.ofMinor(40_000))).toBe("0.01"); // 0.0075 % → 0.01
    expect(percentage(Money.ofMinor(-1), Money.ofMinor(3))).toBe("-33.33");
    expect(percentage(Money.ofMinor(2), Money.ofMinor(2))).toBe("100");
  });

  it("keeps gross = net + tax and margin = net − cost of goods, exactly", () => {
    fc.assert(
      fc.property(money, money, money, fc.integer({ min: 0, max: 100_000 }), (net, tax, cogs, count) => {
        const k = computeKpis(measures({ revenueNet: net, tax, costOfGoodsSold: cogs, invoiceCount: count }));
        return k.revenueGross.minor === net.minor + tax.minor && k.grossMargin.minor === net.minor - cogs.minor;
      }),
    );
  });

  it("gives an average ticket within half a minor unit of the exact quotient", () => {
    fc.assert(
      fc.property(money, fc.integer({ min: 1, max: 100_000 }), (gross, count) => {
        const ticket = computeKpis(measures({ revenueNet: gross, invoiceCount: count })).averageTicket;
        if (!ticket) return false;
        const error = ticket.minor * BigInt(count) * 2n - gross.minor * 2n; // 2·(ticket·n − gross)
        return error <= BigInt(count) && error >= -BigInt(count);
      }),
    );
  });

  it("gives a margin percentage within half a hundredth of the exact ratio", () => {
    fc.assert(
      fc.property(
        money,
        money.filter((m) => !m.isZero()),
        (margin, net) => {
          const milli = toMilli(percentage(margin, net));
          // milli / 1000 ≈ margin·100/net, with |error| ≤ 0.005 → |milli·net − margin·100000| ≤ 5·|net|
          const error = milli * net.minor - margin.minor * 100_000n;
          const bound = 5n * (net.minor < 0n ? -net.minor : net.minor);
          return error <= bound && error >= -bound;
        },
      ),
    );
  });
});

/** Parses without Quantity's 12-digit bound: a ratio may be far larger than any quantity. */
function toMilli(text: string): bigint {
  const [units = "0", fraction = ""] = text.replace("-", "").split(".");
  const magnitude = BigInt(units) * 1000n + BigInt(fraction.padEnd(3, "0"));
  return text.startsWith("-") ? -magnitude : magnitude;
}
