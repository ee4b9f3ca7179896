import type { Money, Quantity } from "@/shared/domain/exact-arithmetic";
import type { Allergen } from "../domain/allergen.value-object";
import type { Ingredient } from "../domain/ingredient.entity";
import type { Lot, LotStatus } from "../domain/lot.entity";
import type { Product } from "../domain/product.entity";
import type { ProductionOrder } from "../domain/production-order.entity";
import type { Recipe } from "../domain/recipe.entity";
import type { StockMovement } from "../domain/stock-movement.value-object";

/** What the API answers. Quantities are decimal strings, money integers (minor units), times RFC 3339. */
const q = (value: Quantity | null) => (value === null ? null : value.toString());
const m = (value: Money | null) => (value === null ? null : value.toNumber());

export const ingredientView = (ingredient: Ingredient) => {
  const p = ingredient.props;
  return {
    id: p.id,
    name: p.name,
    unit: p.unit,
    sku: p.sku,
    reorderLevel: q(p.reorderLevel),
    allergens: [...p.allergens],
    supplier: p.supplier,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
};
export type IngredientView = ReturnType<typeof ingredientView>;

export const productView = (product: Product, allergens: readonly Allergen[], recipeVersion: number | null) => {
  const p = product.props;
  return {
    id: p.id,
    name: p.name,
    sku: p.sku,
    unit: p.unit,
    shelfLifeDays: p.shelfLifeDays,
    allergens: [...allergens],
    recipeVersion,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
};
export type ProductView = ReturnType<typeof productView>;

export const recipeView = (recipe: Recipe) => {
  const p = recipe.props;
  return {
    id: p.id,
    productId: p.productId,
    version: p.version,
    yieldQuantity: p.yieldQuantity.toString(),
    items: p.items.map((i) => ({ ingredientId: i.ingredientId, quantity: i.quantity.toString() })),
    createdAt: p.createdAt.toISOString(),
  };
};
export type RecipeView = ReturnType<typeof recipeView>;

export const lotView = (lot: Lot, status: LotStatus) => {
  const p = lot.toProps();
  return {
    id: p.id,
    itemId: p.itemId,
    itemKind: p.itemKind,
    code: p.code,
    quantity: p.quantity.toString(),
    totalCost: p.totalCost.toNumber(),
    remainingQuantity: p.remainingQuantity.toString(),
    remainingValue: p.remainingValue.toNumber(),
    /** totalCost / quantity in minor units per unit, rounded for display only. */
    unitCost: lot.unitCost.toMinorPerUnit(4),
    status,
    expiresOn: p.expiresOn,
    receivedAt: p.receivedAt.toISOString(),
    supplier: p.supplier,
    orderId: p.orderId,
    recipeVersion: p.recipeVersion,
    allergens: [...p.allergens],
  };
};
export type LotView = ReturnType<typeof lotView>;

export const movementView = (movement: StockMovement) => ({
  id: movement.id,
  itemId: movement.itemId,
  itemKind: movement.itemKind,
  sequence: movement.sequence,
  kind: movement.kind,
  lotId: movement.lotId,
  quantity: movement.quantity.toString(),
  value: movement.value.toNumber(),
  balanceQuantity: movement.balanceQuantity.toString(),
  balanceValue: movement.balanceValue.toNumber(),
  document: { ...movement.document },
  reversesMovementId: movement.reversesMovementId,
  reason: movement.reason,
  note: movement.note,
  occurredAt: movement.occurredAt.toISOString(),
});
export type MovementView = ReturnType<typeof movementView>;

export const orderView = (order: ProductionOrder) => {
  const p = order.toProps();
  return {
    id: p.id,
    productId: p.productId,
    recipeId: p.recipeId,
    recipeVersion: p.recipeVersion,
    quantity: p.quantity.toString(),
    plannedFor: p.plannedFor,
    status: p.status,
    producedQuantity: q(p.producedQuantity),
    cost: m(p.cost),
    productLotId: p.productLotId,
    createdAt: p.createdAt.toISOString(),
    startedAt: p.startedAt?.toISOString() ?? null,
    completedAt: p.completedAt?.toISOString() ?? null,
    cancelledAt: p.cancelledAt?.toISOString() ?? null,
  };
};
export type OrderView = ReturnType<typeof orderView>;
