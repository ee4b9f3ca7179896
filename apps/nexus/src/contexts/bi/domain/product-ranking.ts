import type { Money, Quantity } from "@/shared/domain/exact-arithmetic";

export const RANKING_CRITERIA = ["revenue", "units", "margin"] as const;
export type RankingCriterion = (typeof RANKING_CRITERIA)[number];

export interface ProductFigures {
  readonly productId: string;
  readonly revenueNet: Money;
  readonly unitsSold: Quantity;
  readonly costOfGoodsSold: Money;
}

export interface RankedProduct extends ProductFigures {
  readonly rank: number;
  /** revenueNet − costOfGoodsSold. */
  readonly grossMargin: Money;
}

/** Minor units or thousandths: exact, and comparable within one criterion. */
function key(figures: ProductFigures, by: RankingCriterion): bigint {
  switch (by) {
    case "revenue":
      return figures.revenueNet.minor;
    case "units":
      return figures.unitsSold.milli;
    case "margin":
      return figures.revenueNet.minor - figures.costOfGoodsSold.minor;
  }
}

/**
 * Products best first by `by`; ties broken by product id so the order is stable between calls. Ranks
 * are 1-based positions (two equal products get consecutive ranks, in id order).
 */
export function rankProducts(
  products: readonly ProductFigures[],
  by: RankingCriterion,
  limit: number,
): RankedProduct[] {
  return [...products]
    .sort((a, b) => {
      const [ka, kb] = [key(a, by), key(b, by)];
      if (ka !== kb) return ka > kb ? -1 : 1;
      return a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0;
    })
    .slice(0, Math.max(0, limit))
    .map((p, i) => ({ ...p, rank: i + 1, grossMargin: p.revenueNet.subtract(p.costOfGoodsSold) }));
}
