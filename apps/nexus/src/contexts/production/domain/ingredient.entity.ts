import type { Quantity } from "@/shared/domain/exact-arithmetic";
import { err, ok, type Result } from "@/shared/domain/result";
import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { type Allergen, normalizeAllergens } from "./allergen.value-object";
import { displayText, notNegative, optionalText } from "./item-fields";
import { type FieldError, invalid, type ValidationFailed } from "./production.errors";
import type { StockUnit } from "./stock-unit.value-object";

export interface IngredientFields {
  readonly name: string;
  readonly unit: StockUnit;
  readonly sku: string | null;
  readonly reorderLevel: Quantity | null;
  readonly allergens: readonly Allergen[];
  readonly supplier: string | null;
}

export interface IngredientProps extends IngredientFields {
  readonly id: Uuid;
  readonly organizationId: Uuid;
  readonly createdAt: Timestamp;
  readonly updatedAt: Timestamp;
}

/** Something bought and consumed by recipes; its lots come from receipts. */
export class Ingredient {
  private constructor(readonly props: IngredientProps) {}

  static create(organizationId: Uuid, fields: IngredientFields, now: Timestamp): Result<Ingredient, ValidationFailed> {
    const checked = checkFields(fields);
    if (!checked.ok) return checked;
    const id = Uuid.generate(now.epochMs);
    return ok(new Ingredient({ ...checked.value, id, organizationId, createdAt: now, updatedAt: now }));
  }

  static restore(props: IngredientProps): Ingredient {
    return new Ingredient(props);
  }

  /** The unit is fixed once lots exist (their quantities are in it); callers pass `hasStock`. */
  update(fields: Partial<IngredientFields>, hasStock: boolean, now: Timestamp): Result<Ingredient, ValidationFailed> {
    if (hasStock && fields.unit !== undefined && fields.unit !== this.props.unit) {
      return err(invalid([{ pointer: "/unit", message: "cannot change once the ingredient has lots" }]));
    }
    const checked = checkFields({ ...this.props, ...fields });
    if (!checked.ok) return checked;
    return ok(new Ingredient({ ...this.props, ...checked.value, updatedAt: now }));
  }

  get id(): Uuid {
    return this.props.id;
  }
  get allergens(): readonly Allergen[] {
    return this.props.allergens;
  }
}

function checkFields(fields: IngredientFields): Result<IngredientFields, ValidationFailed> {
  const errors: FieldError[] = [];
  const value: IngredientFields = {
    name: displayText(fields.name, "/name", 200, errors),
    unit: fields.unit,
    sku: optionalText(fields.sku, "/sku", 64, errors),
    reorderLevel: notNegative(fields.reorderLevel, "/reorderLevel", errors),
    allergens: normalizeAllergens(fields.allergens),
    supplier: optionalText(fields.supplier, "/supplier", 200, errors),
  };
  return errors.length > 0 ? err(invalid(errors)) : ok(value);
}
