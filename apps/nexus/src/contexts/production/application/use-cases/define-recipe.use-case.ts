import { err, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Allergen } from "../../domain/allergen.value-object";
import { unionOfAllergens } from "../../domain/allergen.value-object";
import { Recipe } from "../../domain/recipe.entity";
import { InputParser } from "../input-parsing";
import { type NotFound, notFound, type ValidationFailed } from "../production.errors";
import { type RecipeView, recipeView } from "../production.views";
import type { ProductionDeps } from "../production-deps";
import { auditRefusal } from "../refusal-audit";

export interface DefineRecipeInput {
  readonly organizationId: Uuid;
  readonly productId: Uuid;
  readonly yieldQuantity: string;
  readonly items: readonly { ingredientId: string; quantity: string }[];
}

type Deps = Pick<ProductionDeps, "products" | "ingredients" | "recipes" | "unitOfWork" | "audit" | "clock">;

/**
 * `PUT /production/products/{id}/recipe`: always a new version (orders keep the one they pinned).
 * The product row is locked so two PUTs number their versions one after the other.
 */
export class DefineRecipeUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(
    input: DefineRecipeInput,
  ): Promise<Result<RecipeView & { allergens: Allergen[] }, ValidationFailed | NotFound>> {
    const { organizationId, productId } = input;
    const subject = { action: "production.recipe.defined", organizationId, resourceType: "product" } as const;
    return auditRefusal(this.deps.audit, { ...subject, resourceId: productId }, await this.define(input));
  }

  private async define(
    input: DefineRecipeInput,
  ): Promise<Result<RecipeView & { allergens: Allergen[] }, ValidationFailed | NotFound>> {
    const parse = new InputParser();
    const yieldQuantity = parse.quantity(input.yieldQuantity, "/yieldQuantity");
    const items = input.items.map((item, i) => ({
      ingredientId: parse.id(item.ingredientId, `/items/${i}/ingredientId`),
      quantity: parse.quantity(item.quantity, `/items/${i}/quantity`),
    }));
    const parsed = parse.result({ yieldQuantity, items });
    if (!parsed.ok) return parsed;

    return this.deps.unitOfWork.run(async () => {
      const { organizationId, productId } = input;
      const product = await this.deps.products.lockById(organizationId, productId);
      if (!product) return err(notFound("product"));
      const ingredients = await this.deps.ingredients.findByIds(
        organizationId,
        items.map((i) => i.ingredientId),
      );
      // Another organization's ingredient is one this organization cannot see: 404, as for any id.
      const known = new Set(ingredients.map((i) => i.id));
      const unknown = items.findIndex((item) => !known.has(item.ingredientId));
      if (unknown >= 0) return err(notFound(`ingredient (/items/${unknown}/ingredientId)`));

      const current = await this.deps.recipes.findCurrent(organizationId, productId);
      const recipe = Recipe.define({
        organizationId,
        productId,
        previousVersion: current?.props.version ?? null,
        yieldQuantity,
        items,
        now: this.deps.clock.now(),
      });
      if (!recipe.ok) return recipe;
      await this.deps.recipes.add(recipe.value);
      const allergens = unionOfAllergens(ingredients.map((i) => i.allergens));
      const view = { ...recipeView(recipe.value), allergens };
      await this.deps.audit.record({
        action: "production.recipe.defined",
        organizationId,
        resourceType: "product",
        resourceId: productId,
        metadata: { version: view.version, yieldQuantity: view.yieldQuantity, items: view.items, allergens },
      });
      return ok(view);
    });
  }
}
