import { Money, Quantity } from "@/shared/domain/exact-arithmetic";
import type { FactDelta } from "../../domain/fact-delta";
import { addMeasures, type Measures, ZERO_MEASURES } from "../../domain/measures";

/** The day totals of a set of deltas: every delta counts towards its day (see InMemoryProjectionStore). */
export function dayTotals(deltas: readonly FactDelta[]): { day: string; measures: Measures }[] {
  const byDay = new Map<string, Measures>();
  for (const d of deltas) {
    const day = d.day.toString();
    byDay.set(day, addMeasures(byDay.get(day) ?? ZERO_MEASURES, d.measures));
  }
  return [...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, measures]) => ({ day, measures }));
}

export function measureValues(m: Measures) {
  return {
    revenueNet: m.revenueNet.minor,
    tax: m.tax.minor,
    unitsSold: m.unitsSold.toString(),
    unitsProduced: m.unitsProduced.toString(),
    productionCost: m.productionCost.minor,
    costOfGoodsSold: m.costOfGoodsSold.minor,
  };
}

export function factValues(organizationId: string, day: string, m: Measures) {
  return { organizationId, day, ...measureValues(m), invoiceCount: m.invoiceCount };
}

export function productFactValues(organizationId: string, d: FactDelta & { productId: string | null }) {
  return { organizationId, day: d.day.toString(), productId: d.productId as string, ...measureValues(d.measures) };
}

/** Measures from a row of sums (bigint, numeric text or number, depending on the driver and the query). */
export function measuresFromRow(row: {
  revenue_net: unknown;
  tax: unknown;
  units_sold: unknown;
  units_produced: unknown;
  production_cost: unknown;
  cost_of_goods_sold: unknown;
  invoice_count?: unknown;
}): Measures {
  return {
    revenueNet: Money.ofMinor(toBigInt(row.revenue_net)),
    tax: Money.ofMinor(toBigInt(row.tax)),
    invoiceCount: Number(toBigInt(row.invoice_count ?? 0)),
    unitsSold: toQuantity(row.units_sold),
    unitsProduced: toQuantity(row.units_produced),
    productionCost: Money.ofMinor(toBigInt(row.production_cost)),
    costOfGoodsSold: Money.ofMinor(toBigInt(row.cost_of_goods_sold)),
  };
}

function toBigInt(value: unknown): bigint {
  if (value === null || value === undefined) return 0n;
  if (typeof value === "bigint") return value;
  // sum(bigint) is numeric in PostgreSQL: an integer in text, possibly "123.000"-free; never a float here.
  const text = String(value);
  return BigInt(text.includes(".") ? text.slice(0, text.indexOf(".")) : text);
}

function toQuantity(value: unknown): Quantity {
  if (value === null || value === undefined) return Quantity.ZERO;
  const text = String(value);
  // numeric(20,3) sums come back with 3 decimals, e.g. "12.500".
  const [units = "0", fraction = ""] = text.replace("-", "").split(".");
  const milli = BigInt(units) * 1000n + BigInt(fraction.padEnd(3, "0").slice(0, 3));
  return Quantity.fromMilli(text.startsWith("-") ? -milli : milli);
}
