import { z } from "@hono/zod-openapi";
import {
  DateTimeSchema,
  IdField,
  IdSchema,
  PageQuerySchema,
  pageOf,
} from "@/shared/infrastructure/http/common.schemas";
import { ALLERGENS } from "../../domain/allergen.value-object";
import { ORDER_STATUSES } from "../../domain/production-order.entity";
import { ADJUSTMENT_REASONS, MOVEMENT_KINDS } from "../../domain/stock-movement.value-object";
import { STOCK_UNITS } from "../../domain/stock-unit.value-object";

/** Quantities travel as decimal strings with at most 3 fraction digits, kept exact (spec §3). */
export const QuantityField = z
  .string()
  .regex(/^-?\d{1,12}(\.\d{1,3})?$/, 'must be a decimal string with at most 3 fraction digits, e.g. "12.5"')
  .openapi({ example: "12.5", description: "Decimal string, at most 3 fraction digits" });
export const MoneyField = z
  .number()
  .int()
  .nonnegative()
  .max(Number.MAX_SAFE_INTEGER)
  .openapi({ example: 1250, description: "Integer, minor units of the organization's currency" });
export const DateField = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .openapi({ example: "2026-02-01" });
const Name = z.string().max(400);
const Unit = z.enum(STOCK_UNITS).openapi("StockUnit");
const Allergen = z.enum(ALLERGENS).openapi("Allergen");

export const IdParam = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: "id", in: "path" }, format: "uuid" }),
});

export const CreateIngredientBody = z
  .object({
    name: Name.openapi({ example: "Flour T65" }),
    unit: Unit,
    sku: z.string().max(200).nullish(),
    reorderLevel: QuantityField.nullish(),
    allergens: z.array(Allergen).max(14).default([]),
    supplier: z.string().max(400).nullish(),
  })
  .openapi("CreateIngredientRequest");
export const UpdateIngredientBody = CreateIngredientBody.partial().openapi("UpdateIngredientRequest");

export const IngredientSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    unit: Unit,
    sku: z.string().nullable(),
    reorderLevel: z.string().nullable(),
    allergens: z.array(Allergen),
    supplier: z.string().nullable(),
    createdAt: DateTimeSchema,
    updatedAt: DateTimeSchema,
  })
  .openapi("Ingredient");

export const CreateProductBody = z
  .object({
    name: Name.openapi({ example: "Croissant" }),
    sku: z.string().max(200).openapi({ example: "CRO-1", description: "Unique per organization" }),
    unit: Unit,
    shelfLifeDays: z.number().int().min(0).max(36_500).nullish(),
  })
  .openapi("CreateProductRequest");
export const UpdateProductBody = CreateProductBody.partial().openapi("UpdateProductRequest");

export const ProductSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    sku: z.string(),
    unit: Unit,
    shelfLifeDays: z.number().int().nullable(),
    allergens: z.array(Allergen).openapi({ description: "Derived: the union over the current recipe's ingredients" }),
    recipeVersion: z.number().int().nullable(),
    createdAt: DateTimeSchema,
    updatedAt: DateTimeSchema,
  })
  .openapi("Product");

export const RecipeBody = z
  .object({
    yieldQuantity: QuantityField,
    items: z
      .array(z.object({ ingredientId: IdField, quantity: QuantityField }))
      .min(1)
      .max(200),
  })
  .openapi("RecipeRequest");

export const RecipeSchema = z
  .object({
    id: IdSchema,
    productId: IdSchema,
    version: z.number().int(),
    yieldQuantity: z.string(),
    items: z.array(z.object({ ingredientId: IdSchema, quantity: z.string() })),
    createdAt: DateTimeSchema,
  })
  .openapi("Recipe");
export const CurrentRecipeSchema = RecipeSchema.extend({ allergens: z.array(Allergen) }).openapi("CurrentRecipe");

export const ReceiptBody = z
  .object({
    ingredientId: IdField,
    quantity: QuantityField,
    totalCost: MoneyField.openapi({ description: "For the whole quantity, minor units" }),
    lotCode: z.string().max(200).openapi({ example: "MOAGEM-2026-0042" }),
    expiresOn: DateField.nullish(),
    receivedAt: DateTimeSchema.nullish(),
  })
  .openapi("StockReceiptRequest");

export const AdjustmentBody = z
  .object({
    lotId: IdField,
    quantity: QuantityField.openapi({ description: "Signed: + found, − lost" }),
    reason: z.enum(ADJUSTMENT_REASONS),
    note: z.string().max(1000).nullish(),
  })
  .openapi("StockAdjustmentRequest");

export const LotSchema = z
  .object({
    id: IdSchema,
    itemId: IdSchema,
    itemKind: z.enum(["ingredient", "product"]),
    code: z.string(),
    quantity: z.string(),
    totalCost: z.number().int(),
    remainingQuantity: z.string(),
    remainingValue: z.number().int(),
    unitCost: z.string().openapi({ description: "totalCost / quantity in minor units, 4 decimals, display only" }),
    status: z.enum(["available", "expired", "empty"]),
    expiresOn: z.string().nullable(),
    receivedAt: DateTimeSchema,
    supplier: z.string().nullable(),
    orderId: IdSchema.nullable(),
    recipeVersion: z.number().int().nullable(),
    allergens: z.array(Allergen),
  })
  .openapi("Lot");

export const MovementSchema = z
  .object({
    id: IdSchema,
    itemId: IdSchema,
    itemKind: z.enum(["ingredient", "product"]),
    sequence: z.number().int(),
    kind: z.enum(MOVEMENT_KINDS),
    lotId: IdSchema.nullable(),
    quantity: z.string(),
    value: z.number().int(),
    balanceQuantity: z.string(),
    balanceValue: z.number().int(),
    document: z.object({
      type: z.enum(["receipt", "order", "adjustment", "invoice", "credit-note"]),
      id: IdSchema,
      lineNumber: z.number().int().nullable(),
    }),
    reversesMovementId: IdSchema.nullable(),
    reason: z.enum(ADJUSTMENT_REASONS).nullable(),
    note: z.string().nullable(),
    occurredAt: DateTimeSchema,
  })
  .openapi("StockMovement");

export const LotWithMovementSchema = z.object({ lot: LotSchema, movement: MovementSchema }).openapi("LotMovement");

export const StockLevelSchema = z
  .object({
    itemId: IdSchema,
    itemKind: z.enum(["ingredient", "product"]),
    name: z.string(),
    sku: z.string().nullable(),
    unit: z.string(),
    quantity: z.string(),
    value: z.number().int(),
    averageUnitCost: z.string().nullable(),
    reorderLevel: z.string().nullable(),
    belowReorderLevel: z.boolean(),
    nearestExpiry: z.string().nullable(),
    shortfallQuantity: z.string(),
    shortfallValue: z.number().int(),
    hasShortfall: z.boolean(),
  })
  .openapi("StockLevel");

export const OrderBody = z
  .object({ productId: IdField, quantity: QuantityField, plannedFor: DateField })
  .openapi("PlanOrderRequest");
export const CompleteOrderBody = z.object({ producedQuantity: QuantityField }).openapi("CompleteOrderRequest");

export const OrderSchema = z
  .object({
    id: IdSchema,
    productId: IdSchema,
    recipeId: IdSchema,
    recipeVersion: z.number().int(),
    quantity: z.string(),
    plannedFor: z.string(),
    status: z.enum(ORDER_STATUSES),
    producedQuantity: z.string().nullable(),
    cost: z.number().int().nullable(),
    productLotId: IdSchema.nullable(),
    createdAt: DateTimeSchema,
    startedAt: DateTimeSchema.nullable(),
    completedAt: DateTimeSchema.nullable(),
    cancelledAt: DateTimeSchema.nullable(),
  })
  .openapi("ProductionOrder");

const QueryId = z
  .string()
  .max(64)
  .refine((v) => IdField.safeParse(v).success, { message: "must be a UUIDv7" });

export const LotsQuery = PageQuerySchema.extend({
  itemId: QueryId.optional(),
  status: z.enum(["available", "expired", "empty"]).optional(),
  expiringBefore: DateField.optional(),
});
export const MovementsQuery = PageQuerySchema.extend({
  itemId: QueryId.optional(),
  from: z.string().max(40).optional().openapi({ description: "Date or RFC 3339 time, inclusive" }),
  to: z.string().max(40).optional().openapi({ description: "Date or RFC 3339 time, exclusive" }),
});
export const OrdersQuery = PageQuerySchema.extend({ status: z.enum(ORDER_STATUSES).optional() });

export const IngredientPage = pageOf(IngredientSchema).openapi("IngredientPage");
export const ProductPage = pageOf(ProductSchema).openapi("ProductPage");
export const RecipePage = pageOf(RecipeSchema).openapi("RecipePage");
export const LotPage = pageOf(LotSchema).openapi("LotPage");
export const MovementPage = pageOf(MovementSchema).openapi("StockMovementPage");
export const StockPage = pageOf(StockLevelSchema).openapi("StockPage");
export const OrderPage = pageOf(OrderSchema).openapi("ProductionOrderPage");
