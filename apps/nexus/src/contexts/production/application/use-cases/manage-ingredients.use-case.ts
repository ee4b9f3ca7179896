import { err, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { Ingredient, type IngredientFields } from "../../domain/ingredient.entity";
import { InputParser } from "../input-parsing";
import { type NotFound, notFound, type SkuTaken, skuTaken, type ValidationFailed } from "../production.errors";
import { type IngredientView, ingredientView } from "../production.views";
import type { ProductionDeps } from "../production-deps";
import { auditRefusal } from "../refusal-audit";

export interface IngredientInput {
  readonly name?: string;
  readonly unit?: string;
  readonly sku?: string | null;
  readonly reorderLevel?: string | null;
  readonly allergens?: readonly string[];
  readonly supplier?: string | null;
}

type Deps = Pick<ProductionDeps, "ingredients" | "stock" | "unitOfWork" | "audit" | "clock">;
type Action = "production.ingredient.created" | "production.ingredient.updated";

/** `POST` and `PATCH /production/ingredients`: audited; the SKU, when given, is unique per organization. */
export class ManageIngredientsUseCase {
  constructor(private readonly deps: Deps) {}

  async create(
    organizationId: Uuid,
    input: IngredientInput & { name: string; unit: string },
  ): Promise<Result<IngredientView, ValidationFailed | SkuTaken>> {
    const subject = { action: "production.ingredient.created", organizationId, resourceType: "ingredient" } as const;
    return auditRefusal(this.deps.audit, subject, await this.attemptCreate(organizationId, input));
  }

  private async attemptCreate(
    organizationId: Uuid,
    input: IngredientInput & { name: string; unit: string },
  ): Promise<Result<IngredientView, ValidationFailed | SkuTaken>> {
    const fields = parseFields(input);
    if (!fields.ok) return fields;
    const created = Ingredient.create(
      organizationId,
      {
        name: input.name,
        unit: fields.value.unit ?? "unit",
        sku: fields.value.sku ?? null,
        reorderLevel: fields.value.reorderLevel ?? null,
        allergens: fields.value.allergens ?? [],
        supplier: fields.value.supplier ?? null,
      },
      this.deps.clock.now(),
    );
    if (!created.ok) return created;
    return this.deps.unitOfWork.run(() => this.store(created.value, "production.ingredient.created"));
  }

  async update(
    organizationId: Uuid,
    id: Uuid,
    input: IngredientInput,
  ): Promise<Result<IngredientView, ValidationFailed | SkuTaken | NotFound>> {
    const subject = {
      action: "production.ingredient.updated",
      organizationId,
      resourceType: "ingredient",
      resourceId: id,
    } as const;
    return auditRefusal(this.deps.audit, subject, await this.attemptUpdate(organizationId, id, input));
  }

  private async attemptUpdate(
    organizationId: Uuid,
    id: Uuid,
    input: IngredientInput,
  ): Promise<Result<IngredientView, ValidationFailed | SkuTaken | NotFound>> {
    const fields = parseFields(input);
    if (!fields.ok) return fields;
    return this.deps.unitOfWork.run(
      async (): Promise<Result<IngredientView, ValidationFailed | SkuTaken | NotFound>> => {
        const current = await this.deps.ingredients.findById(organizationId, id);
        if (!current) return err(notFound("ingredient"));
        const hasStock = await this.deps.stock.hasLots(organizationId, id);
        const updated = current.update(fields.value, hasStock, this.deps.clock.now());
        if (!updated.ok) return updated;
        return this.store(updated.value, "production.ingredient.updated");
      },
    );
  }

  private async store(ingredient: Ingredient, action: Action): Promise<Result<IngredientView, SkuTaken>> {
    const p = ingredient.props;
    if (p.sku !== null && (await this.deps.ingredients.skuTaken(p.organizationId, p.sku, p.id))) {
      return err(skuTaken(p.sku));
    }
    await this.deps.ingredients.save(ingredient);
    const view = ingredientView(ingredient);
    await this.deps.audit.record({
      action,
      organizationId: p.organizationId,
      resourceType: "ingredient",
      resourceId: p.id,
      metadata: { name: view.name, unit: view.unit, sku: view.sku, allergens: view.allergens },
    });
    return ok(view);
  }
}

function parseFields(input: IngredientInput) {
  const parse = new InputParser();
  const fields: Partial<IngredientFields> = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.unit !== undefined ? { unit: parse.unit(input.unit, "/unit") } : {}),
    ...(input.sku !== undefined ? { sku: input.sku } : {}),
    ...(input.reorderLevel !== undefined
      ? { reorderLevel: parse.optionalQuantity(input.reorderLevel, "/reorderLevel") }
      : {}),
    ...(input.allergens !== undefined ? { allergens: parse.allergens(input.allergens, "/allergens") } : {}),
    ...(input.supplier !== undefined ? { supplier: input.supplier } : {}),
  };
  return parse.result(fields);
}
