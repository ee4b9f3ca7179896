import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Quantity } from "@/shared/domain/exact-arithmetic";
import { unwrap } from "@/shared/domain/result";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { unionOfAllergens } from "./allergen.value-object";
import { Recipe } from "./recipe.entity";

const q = (text: string) => unwrap(Quantity.parse(text));
const now = Timestamp.fromMillis(0);
const flour = Uuid.generate();
const butter = Uuid.generate();

const define = (yieldQuantity: string, items: { ingredientId: Uuid; quantity: string }[], previousVersion = null) =>
  Recipe.define({
    organizationId: Uuid.generate(),
    productId: Uuid.generate(),
    previousVersion,
    yieldQuantity: q(yieldQuantity),
    items: items.map((i) => ({ ingredientId: i.ingredientId, quantity: q(i.quantity) })),
    now,
  });

describe("recipe", () => {
  it("scales each item by produced / yield, half-to-even to 3 decimals", () => {
    const recipe = unwrap(
      define("12", [
        { ingredientId: flour, quantity: "1" },
        { ingredientId: butter, quantity: "0.25" },
      ]),
    );
    // 1 × 10 / 12 = 0.8333… → 0.833; 0.25 × 10 / 12 = 0.208333… → 0.208
    expect(recipe.requirements(q("10")).map((r) => r.quantity.toString())).toEqual(["0.833", "0.208"]);
    // 0.001 × 1 / 2 = 0.0005 → 0 (tie to even); 0.003 × 1 / 2 = 0.0015 → 0.002 (tie to even)
    const tiny = unwrap(
      define("2", [
        { ingredientId: flour, quantity: "0.001" },
        { ingredientId: butter, quantity: "0.003" },
      ]),
    );
    expect(tiny.requirements(q("1")).map((r) => r.quantity.toString())).toEqual(["0", "0.002"]);
  });

  it("producing exactly the yield requires exactly the items (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.bigInt({ min: 1n, max: 10n ** 9n }), (y, item) => {
        const recipe = unwrap(
          Recipe.define({
            organizationId: Uuid.generate(),
            productId: Uuid.generate(),
            previousVersion: 3,
            yieldQuantity: Quantity.fromMilli(y),
            items: [{ ingredientId: flour, quantity: Quantity.fromMilli(item) }],
            now,
          }),
        );
        expect(recipe.props.version).toBe(4);
        expect(recipe.requirements(Quantity.fromMilli(y))[0]?.quantity.milli).toBe(item);
      }),
    );
  });

  it("refuses a zero yield, no items, a duplicate ingredient and non-positive quantities, all at once", () => {
    expect(define("0", [])).toMatchObject({
      ok: false,
      error: { code: "validation-failed", errors: [{ pointer: "/yieldQuantity" }, { pointer: "/items" }] },
    });
    const duplicate = define("1", [
      { ingredientId: flour, quantity: "1" },
      { ingredientId: flour, quantity: "-1" },
    ]);
    expect(duplicate).toMatchObject({
      ok: false,
      error: { errors: [{ pointer: "/items/1/quantity" }, { pointer: "/items/1/ingredientId" }] },
    });
  });

  it("derives allergens as the union of the ingredients', in the regulation's order", () => {
    expect(unionOfAllergens([["milk"], ["gluten", "milk"], []])).toEqual(["gluten", "milk"]);
  });
});
