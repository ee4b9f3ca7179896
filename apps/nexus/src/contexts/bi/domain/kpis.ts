import { Money, Quantity, roundHalfEven } from "@/shared/domain/exact-arithmetic";
import type { Measures } from "./measures";

export interface Kpis {
  readonly revenueNet: Money;
  readonly taxTotal: Money;
  readonly revenueGross: Money;
  readonly invoiceCount: number;
  /** revenueGross / invoiceCount, half-to-even to a minor unit; null without invoices. */
  readonly averageTicket: Money | null;
  readonly unitsSold: Quantity;
  readonly unitsProduced: Quantity;
  readonly productionCost: Money;
  readonly costOfGoodsSold: Money;
  /** revenueNet − costOfGoodsSold. */
  readonly grossMargin: Money;
  /** grossMargin / revenueNet × 100, half-to-even to 2 decimals, as a decimal string; null without revenue. */
  readonly grossMarginPct: string | null;
}

/**
 * The KPIs of a period from the sum of its daily measures. Credit notes are already subtracted from
 * revenue and tax on their own days, so revenueGross nets them out too; averageTicket divides that net
 * gross by the invoices issued (and not cancelled) in the period.
 */
export function computeKpis(m: Measures): Kpis {
  const revenueGross = m.revenueNet.add(m.tax);
  const grossMargin = m.revenueNet.subtract(m.costOfGoodsSold);
  return {
    revenueNet: m.revenueNet,
    taxTotal: m.tax,
    revenueGross,
    invoiceCount: m.invoiceCount,
    averageTicket: m.invoiceCount === 0 ? null : averageOf(revenueGross, m.invoiceCount),
    unitsSold: m.unitsSold,
    unitsProduced: m.unitsProduced,
    productionCost: m.productionCost,
    costOfGoodsSold: m.costOfGoodsSold,
    grossMargin,
    grossMarginPct: m.revenueNet.isZero() ? null : percentage(grossMargin, m.revenueNet),
  };
}

function averageOf(total: Money, count: number): Money {
  return Money.ofMinor(roundHalfEven(total.minor, BigInt(count)));
}

/** part / whole × 100 with 2 decimals, half-to-even, in Quantity's canonical form ("41.27", "40", "-3.5"). */
export function percentage(part: Money, whole: Money): string {
  const hundredths = roundHalfEven(part.minor * 10_000n, whole.minor);
  return Quantity.fromMilli(hundredths * 10n).toString();
}
