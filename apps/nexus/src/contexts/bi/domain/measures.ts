import { Money, Quantity } from "@/shared/domain/exact-arithmetic";

/**
 * The additive figures BI keeps per (organization, day, product) and per (organization, day). All are
 * sums of signed amounts from events, so a period's value is the sum of its days' values, exactly.
 */
export interface Measures {
  readonly revenueNet: Money;
  readonly tax: Money;
  /** Invoices issued and not cancelled (a day-level figure; product rows keep 0). */
  readonly invoiceCount: number;
  readonly unitsSold: Quantity;
  readonly unitsProduced: Quantity;
  readonly productionCost: Money;
  readonly costOfGoodsSold: Money;
}

export const ZERO_MEASURES: Measures = {
  revenueNet: Money.ZERO,
  tax: Money.ZERO,
  invoiceCount: 0,
  unitsSold: Quantity.ZERO,
  unitsProduced: Quantity.ZERO,
  productionCost: Money.ZERO,
  costOfGoodsSold: Money.ZERO,
};

export function addMeasures(a: Measures, b: Measures): Measures {
  return {
    revenueNet: a.revenueNet.add(b.revenueNet),
    tax: a.tax.add(b.tax),
    invoiceCount: a.invoiceCount + b.invoiceCount,
    unitsSold: a.unitsSold.add(b.unitsSold),
    unitsProduced: a.unitsProduced.add(b.unitsProduced),
    productionCost: a.productionCost.add(b.productionCost),
    costOfGoodsSold: a.costOfGoodsSold.add(b.costOfGoodsSold),
  };
}

export function negateMeasures(m: Measures): Measures {
  return {
    revenueNet: m.revenueNet.negate(),
    tax: m.tax.negate(),
    invoiceCount: -m.invoiceCount,
    unitsSold: m.unitsSold.negate(),
    unitsProduced: m.unitsProduced.negate(),
    productionCost: m.productionCost.negate(),
    costOfGoodsSold: m.costOfGoodsSold.negate(),
  };
}

export function sumMeasures(list: Iterable<Measures>): Measures {
  let total = ZERO_MEASURES;
  for (const m of list) total = addMeasures(total, m);
  return total;
}

export function measuresEqual(a: Measures, b: Measures): boolean {
  return (
    a.revenueNet.equals(b.revenueNet) &&
    a.tax.equals(b.tax) &&
    a.invoiceCount === b.invoiceCount &&
    a.unitsSold.equals(b.unitsSold) &&
    a.unitsProduced.equals(b.unitsProduced) &&
    a.productionCost.equals(b.productionCost) &&
    a.costOfGoodsSold.equals(b.costOfGoodsSold)
  );
}

/** Measures with only the given fields set. */
export function measures(partial: Partial<Measures>): Measures {
  return { ...ZERO_MEASURES, ...partial };
}
