import { Money, Quantity } from "@/shared/domain/exact-arithmetic";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { CalendarDate } from "../../domain/calendar-date.value-object";
import { Ingredient } from "../../domain/ingredient.entity";
import { Lot } from "../../domain/lot.entity";
import { Product } from "../../domain/product.entity";
import { ProductionOrder } from "../../domain/production-order.entity";
import { Recipe } from "../../domain/recipe.entity";
import { StockItem } from "../../domain/stock-item.entity";
import type { StockMovement } from "../../domain/stock-movement.value-object";
import type { IngredientRow, ingredients } from "./ingredient.table";
import type { LotRow, lots } from "./lot.table";
import type { ProductRow, products } from "./product.table";
import type { ProductionOrderRow, productionOrders } from "./production-order.table";
import type { RecipeRow, recipes } from "./recipe.table";
import type { StockItemRow, stockItems } from "./stock-item.table";
import type { StockMovementRow, stockMovements } from "./stock-movement.table";

const qty = Quantity.fromMilli;
const money = (minor: bigint) => Money.ofMinor(minor);
const ts = (date: Date) => Timestamp.fromDate(date);
const tsOrNull = (date: Date | null) => (date ? Timestamp.fromDate(date) : null);

export const toIngredient = (r: IngredientRow) =>
  Ingredient.restore({
    id: r.id,
    organizationId: r.organizationId,
    name: r.name,
    unit: r.unit,
    sku: r.sku,
    reorderLevel: r.reorderLevelMilli === null ? null : qty(r.reorderLevelMilli),
    allergens: r.allergens,
    supplier: r.supplier,
    createdAt: ts(r.createdAt),
    updatedAt: ts(r.updatedAt),
  });

export const ingredientRow = (i: Ingredient): typeof ingredients.$inferInsert => {
  const p = i.props;
  return {
    id: p.id,
    organizationId: p.organizationId,
    name: p.name,
    unit: p.unit,
    sku: p.sku,
    reorderLevelMilli: p.reorderLevel?.milli ?? null,
    allergens: [...p.allergens],
    supplier: p.supplier,
    createdAt: p.createdAt.toDate(),
  };
};

export const toProduct = (r: ProductRow) =>
  Product.restore({
    id: r.id,
    organizationId: r.organizationId,
    name: r.name,
    sku: r.sku,
    unit: r.unit,
    shelfLifeDays: r.shelfLifeDays,
    createdAt: ts(r.createdAt),
    updatedAt: ts(r.updatedAt),
  });

export const productRow = (product: Product): typeof products.$inferInsert => {
  const p = product.props;
  return {
    id: p.id,
    organizationId: p.organizationId,
    name: p.name,
    sku: p.sku,
    unit: p.unit,
    shelfLifeDays: p.shelfLifeDays,
    createdAt: p.createdAt.toDate(),
  };
};

export const toRecipe = (r: RecipeRow) =>
  Recipe.restore({
    id: r.id,
    organizationId: r.organizationId,
    productId: r.productId,
    version: r.version,
    yieldQuantity: qty(r.yieldMilli),
    items: r.items.map((i) => {
      const parsed = Quantity.parse(i.quantity);
      if (!parsed.ok) throw new Error(`recipe ${r.id} holds an invalid quantity`);
      return { ingredientId: i.ingredientId, quantity: parsed.value };
    }),
    createdAt: ts(r.createdAt),
  });

export const recipeRow = (recipe: Recipe): typeof recipes.$inferInsert => {
  const p = recipe.props;
  return {
    id: p.id,
    createdAt: p.createdAt.toDate(),
    organizationId: p.organizationId,
    productId: p.productId,
    version: p.version,
    yieldMilli: p.yieldQuantity.milli,
    items: p.items.map((i) => ({ ingredientId: i.ingredientId, quantity: i.quantity.toString() })),
  };
};

export const toLot = (r: LotRow) =>
  Lot.restore({
    id: r.id,
    organizationId: r.organizationId,
    itemId: r.itemId,
    itemKind: r.itemKind,
    code: r.code,
    quantity: qty(r.quantityMilli),
    totalCost: money(r.totalCost),
    remainingQuantity: qty(r.remainingMilli),
    remainingValue: money(r.remainingValue),
    expiresOn: r.expiresOn as CalendarDate | null,
    receivedAt: ts(r.receivedAt),
    supplier: r.supplier,
    orderId: r.orderId,
    recipeVersion: r.recipeVersion,
    allergens: r.allergens,
  });

export const lotRow = (lot: Lot): typeof lots.$inferInsert => {
  const p = lot.toProps();
  return {
    id: p.id,
    organizationId: p.organizationId,
    itemId: p.itemId,
    itemKind: p.itemKind,
    code: p.code,
    quantityMilli: p.quantity.milli,
    totalCost: p.totalCost.minor,
    remainingMilli: p.remainingQuantity.milli,
    remainingValue: p.remainingValue.minor,
    expiresOn: p.expiresOn,
    receivedAt: p.receivedAt.toDate(),
    supplier: p.supplier,
    orderId: p.orderId,
    recipeVersion: p.recipeVersion,
    allergens: [...p.allergens],
  };
};

export const toStockItem = (r: StockItemRow) =>
  StockItem.restore({
    organizationId: r.organizationId,
    itemId: r.itemId,
    itemKind: r.itemKind,
    quantity: qty(r.quantityMilli),
    value: money(r.value),
    shortfallQuantity: qty(r.shortfallMilli),
    shortfallValue: money(r.shortfallValue),
    lastSequence: r.lastSequence,
  });

export const stockItemRow = (item: StockItem): typeof stockItems.$inferInsert => {
  const p = item.toProps();
  return {
    organizationId: p.organizationId,
    itemId: p.itemId,
    itemKind: p.itemKind,
    quantityMilli: p.quantity.milli,
    value: p.value.minor,
    shortfallMilli: p.shortfallQuantity.milli,
    shortfallValue: p.shortfallValue.minor,
    lastSequence: p.lastSequence,
  };
};

export const toMovement = (r: StockMovementRow): StockMovement => ({
  id: r.id,
  organizationId: r.organizationId,
  itemId: r.itemId,
  itemKind: r.itemKind,
  sequence: r.sequence,
  kind: r.kind,
  lotId: r.lotId,
  quantity: qty(r.quantityMilli),
  value: money(r.value),
  balanceQuantity: qty(r.balanceMilli),
  balanceValue: money(r.balanceValue),
  document: { type: r.documentType, id: r.documentId, lineNumber: r.lineNumber },
  reversesMovementId: r.reversesMovementId,
  reason: r.reason,
  note: r.note,
  occurredAt: ts(r.occurredAt),
});

export const movementRow = (m: StockMovement): typeof stockMovements.$inferInsert => ({
  id: m.id,
  organizationId: m.organizationId,
  itemId: m.itemId,
  itemKind: m.itemKind,
  sequence: m.sequence,
  kind: m.kind,
  lotId: m.lotId,
  quantityMilli: m.quantity.milli,
  value: m.value.minor,
  balanceMilli: m.balanceQuantity.milli,
  balanceValue: m.balanceValue.minor,
  documentType: m.document.type,
  documentId: m.document.id,
  lineNumber: m.document.lineNumber,
  reversesMovementId: m.reversesMovementId,
  reason: m.reason,
  note: m.note,
  occurredAt: m.occurredAt.toDate(),
});

export const toOrder = (r: ProductionOrderRow) =>
  ProductionOrder.restore({
    id: r.id,
    organizationId: r.organizationId,
    productId: r.productId,
    recipeId: r.recipeId,
    recipeVersion: r.recipeVersion,
    quantity: qty(r.quantityMilli),
    plannedFor: r.plannedFor as CalendarDate,
    status: r.status,
    producedQuantity: r.producedMilli === null ? null : qty(r.producedMilli),
    cost: r.cost === null ? null : money(r.cost),
    productLotId: r.productLotId,
    createdAt: ts(r.createdAt),
    startedAt: tsOrNull(r.startedAt),
    completedAt: tsOrNull(r.completedAt),
    cancelledAt: tsOrNull(r.cancelledAt),
  });

export const orderRow = (order: ProductionOrder): typeof productionOrders.$inferInsert => {
  const p = order.toProps();
  return {
    id: p.id,
    organizationId: p.organizationId,
    productId: p.productId,
    recipeId: p.recipeId,
    recipeVersion: p.recipeVersion,
    quantityMilli: p.quantity.milli,
    plannedFor: p.plannedFor,
    status: p.status,
    producedMilli: p.producedQuantity?.milli ?? null,
    cost: p.cost?.minor ?? null,
    productLotId: p.productLotId,
    createdAt: p.createdAt.toDate(),
    startedAt: p.startedAt?.toDate() ?? null,
    completedAt: p.completedAt?.toDate() ?? null,
    cancelledAt: p.cancelledAt?.toDate() ?? null,
  };
};
