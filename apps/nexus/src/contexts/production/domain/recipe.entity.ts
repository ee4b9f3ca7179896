import type { Quantity } from "@/shared/domain/exact-arithmetic";
import { err, ok, type Result } from "@/shared/domain/result";
import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { positive } from "./item-fields";
import { type FieldError, invalid, type ValidationFailed } from "./production.errors";

export interface RecipeItem {
  readonly ingredientId: Uuid;
  /** In the ingredient's unit, for `yieldQuantity` of the product. */
  readonly quantity: Quantity;
}

export interface RecipeProps {
  readonly id: Uuid;
  readonly organizationId: Uuid;
  readonly productId: Uuid;
  /** 1, 2, 3… per product; a PUT always makes a new version, orders pin theirs. */
  readonly version: number;
  readonly yieldQuantity: Quantity;
  readonly items: readonly RecipeItem[];
  readonly createdAt: Timestamp;
}

export const MAX_RECIPE_ITEMS = 200;

/** One version of a product's recipe: what `yieldQuantity` of it takes. Immutable once made. */
export class Recipe {
  private constructor(readonly props: RecipeProps) {}

  static define(input: {
    organizationId: Uuid;
    productId: Uuid;
    previousVersion: number | null;
    yieldQuantity: Quantity;
    items: readonly RecipeItem[];
    now: Timestamp;
  }): Result<Recipe, ValidationFailed> {
    const errors: FieldError[] = [];
    positive(input.yieldQuantity, "/yieldQuantity", errors);
    if (input.items.length === 0) errors.push({ pointer: "/items", message: "a recipe needs at least one ingredient" });
    if (input.items.length > MAX_RECIPE_ITEMS) {
      errors.push({ pointer: "/items", message: `at most ${MAX_RECIPE_ITEMS} ingredients` });
    }
    const seen = new Set<Uuid>();
    input.items.forEach((item, i) => {
      positive(item.quantity, `/items/${i}/quantity`, errors);
      if (seen.has(item.ingredientId)) {
        errors.push({ pointer: `/items/${i}/ingredientId`, message: "the ingredient appears twice" });
      }
      seen.add(item.ingredientId);
    });
    if (errors.length > 0) return err(invalid(errors));
    return ok(
      new Recipe({
        id: Uuid.generate(input.now.epochMs),
        organizationId: input.organizationId,
        productId: input.productId,
        version: (input.previousVersion ?? 0) + 1,
        yieldQuantity: input.yieldQuantity,
        items: input.items,
        createdAt: input.now,
      }),
    );
  }

  static restore(props: RecipeProps): Recipe {
    return new Recipe(props);
  }

  get id(): Uuid {
    return this.props.id;
  }

  /** What producing `produced` takes: item quantity × produced / yield, half-to-even to 3 decimals. */
  requirements(produced: Quantity): RecipeItem[] {
    return this.props.items.map((item) => ({
      ingredientId: item.ingredientId,
      quantity: item.quantity.scale(produced, this.props.yieldQuantity),
    }));
  }
}
