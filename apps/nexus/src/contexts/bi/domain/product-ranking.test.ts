import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  arbitraryMoney,
  arbitraryQuantity,
  Money,
  unwrapQuantity,
} from "../../../../test/bi/support/bi-domain.fixtures";
import { type ProductFigures, RANKING_CRITERIA, rankProducts } from "./product-ranking";

const product = (productId: string, revenue: number, units: string, cogs: number): ProductFigures => ({
  productId,
  revenueNet: Money.ofMinor(revenue),
  unitsSold: unwrapQuantity(units),
  costOfGoodsSold: Money.ofMinor(cogs),
});

const products = [product("a", 1000, "10", 900), product("b", 800, "40", 100), product("c", 1200, "2.5", 1150)];

describe("product ranking", () => {
  it("ranks by revenue, units or margin, best first", () => {
    expect(rankProducts(products, "revenue", 10).map((p) => p.productId)).toEqual(["c", "a", "b"]);
    expect(rankProducts(products, "units", 10).map((p) => p.productId)).toEqual(["b", "a", "c"]);
    const byMargin = rankProducts(products, "margin", 2);
    expect(byMargin.map((p) => [p.rank, p.productId, p.grossMargin.minor])).toEqual([
      [1, "b", 700n],
      [2, "a", 100n],
    ]);
  });

  it("breaks ties by product id", () => {
    expect(
      rankProducts([product("z", 5, "1", 0), product("m", 5, "1", 0)], "revenue", 5).map((p) => p.productId),
    ).toEqual(["m", "z"]);
  });

  it("returns at most `limit` products, ordered by the criterion, whatever the input order", () => {
    const figures = fc.uniqueArray(
      fc.record({
        productId: fc.uuid(),
        revenueNet: arbitraryMoney(),
        unitsSold: arbitraryQuantity,
        costOfGoodsSold: arbitraryMoney(),
      }),
      { selector: (p) => p.productId, maxLength: 30 },
    );
    fc.assert(
      fc.property(figures, fc.constantFrom(...RANKING_CRITERIA), fc.integer({ min: 0, max: 40 }), (list, by, limit) => {
        const ranked = rankProducts(list, by, limit);
        const reversed = rankProducts([...list].reverse(), by, limit);
        const value = (p: ProductFigures) =>
          by === "revenue"
            ? p.revenueNet.minor
            : by === "units"
              ? p.unitsSold.milli
              : p.revenueNet.minor - p.costOfGoodsSold.minor;
        return (
          ranked.length === Math.min(limit, list.length) &&
          ranked.every((p, i) => i === 0 || value(ranked[i - 1] as ProductFigures) >= value(p)) &&
          ranked.map((p) => p.productId).join() === reversed.map((p) => p.productId).join()
        );
      }),
    );
  });
});
