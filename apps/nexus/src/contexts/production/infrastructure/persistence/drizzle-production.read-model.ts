import { and, asc, desc, eq, gt, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import { type DatabaseClient, queryRows } from "@/shared/infrastructure/database/database-client";
import { keysetPage } from "@/shared/infrastructure/database/keyset-page";
import type {
  LotFilter,
  MovementFilter,
  Paged,
  PageRequest,
  ProductionReadModel,
  StockLevel,
} from "../../application/ports/production-read-model.port";
import { type Allergen, unionOfAllergens } from "../../domain/allergen.value-object";
import type { CalendarDate } from "../../domain/calendar-date.value-object";
import type { Ingredient } from "../../domain/ingredient.entity";
import type { Lot } from "../../domain/lot.entity";
import type { Product } from "../../domain/product.entity";
import type { OrderStatus, ProductionOrder } from "../../domain/production-order.entity";
import type { StockMovement } from "../../domain/stock-movement.value-object";
import { IdCursor } from "./id-cursor";
import { ingredients } from "./ingredient.table";
import { lots } from "./lot.table";
import { traceLot } from "./lot-trace.query";
import { products } from "./product.table";
import { toIngredient, toLot, toMovement, toOrder, toProduct } from "./production.mappers";
import { productionOrders } from "./production-order.table";
import { recipes } from "./recipe.table";
import { stockLevelsQuery, toStockLevel } from "./stock-levels.query";
import { stockMovements } from "./stock-movement.table";
import { verifyStock } from "./stock-verification.query";

/** The read side, straight from production's tables. Always through `executor()` (joins any open unit of work). */
export class DrizzleProductionReadModel implements ProductionReadModel {
  constructor(private readonly client: DatabaseClient) {}

  private get db() {
    return this.client.executor();
  }

  async listIngredients(organizationId: Uuid, page: PageRequest): Paged<Ingredient> {
    const after = IdCursor.decode("ingredients", page.cursor);
    if (!after.ok) return after;
    const rows = await withDatabaseErrors(() =>
      this.db
        .select()
        .from(ingredients)
        .where(
          and(
            eq(ingredients.organizationId, organizationId),
            after.value ? gt(ingredients.id, after.value) : undefined,
          ),
        )
        .orderBy(asc(ingredients.id))
        .limit(page.limit + 1),
    );
    return {
      ok: true,
      value: keysetPage(rows.map(toIngredient), page.limit, (i) => IdCursor.encode("ingredients", i.id)),
    };
  }

  async listProducts(organizationId: Uuid, page: PageRequest): Paged<Product> {
    const after = IdCursor.decode("products", page.cursor);
    if (!after.ok) return after;
    const rows = await withDatabaseErrors(() =>
      this.db
        .select()
        .from(products)
        .where(and(eq(products.organizationId, organizationId), after.value ? gt(products.id, after.value) : undefined))
        .orderBy(asc(products.id))
        .limit(page.limit + 1),
    );
    return { ok: true, value: keysetPage(rows.map(toProduct), page.limit, (p) => IdCursor.encode("products", p.id)) };
  }

  async productAllergens(organizationId: Uuid, productIds: readonly Uuid[]): Promise<Map<Uuid, Allergen[]>> {
    if (productIds.length === 0) return new Map();
    const rows = await withDatabaseErrors(() =>
      this.db
        .select({ productId: products.id, items: recipes.items })
        .from(products)
        .innerJoin(recipes, and(eq(recipes.productId, products.id), eq(recipes.version, products.recipeVersion)))
        .where(and(eq(products.organizationId, organizationId), inArray(products.id, [...productIds]))),
    );
    const ingredientIds = [...new Set(rows.flatMap((r) => r.items.map((i) => i.ingredientId)))];
    const found =
      ingredientIds.length === 0
        ? []
        : await withDatabaseErrors(() =>
            this.db
              .select({ id: ingredients.id, allergens: ingredients.allergens })
              .from(ingredients)
              .where(and(eq(ingredients.organizationId, organizationId), inArray(ingredients.id, ingredientIds))),
          );
    const byId = new Map(found.map((i) => [i.id, i.allergens]));
    return new Map(
      rows.map((r) => [r.productId, unionOfAllergens(r.items.map((i) => byId.get(i.ingredientId) ?? []))]),
    );
  }

  async currentRecipeVersions(organizationId: Uuid, productIds: readonly Uuid[]): Promise<Map<Uuid, number>> {
    if (productIds.length === 0) return new Map();
    const rows = await withDatabaseErrors(() =>
      this.db
        .select({ id: products.id, version: products.recipeVersion })
        .from(products)
        .where(
          and(
            eq(products.organizationId, organizationId),
            inArray(products.id, [...productIds]),
            isNotNull(products.recipeVersion),
          ),
        ),
    );
    return new Map(rows.map((r) => [r.id, r.version ?? 0]));
  }

  async listLots(organizationId: Uuid, filter: LotFilter, page: PageRequest): Paged<Lot> {
    const after = IdCursor.decode("lots", page.cursor);
    if (!after.ok) return after;
    const rows = await withDatabaseErrors(() =>
      this.db
        .select()
        .from(lots)
        .where(
          and(
            eq(lots.organizationId, organizationId),
            filter.itemId ? eq(lots.itemId, filter.itemId) : undefined,
            filter.expiringBefore ? lt(lots.expiresOn, filter.expiringBefore) : undefined,
            statusCondition(filter.status, filter.today),
            after.value ? gt(lots.id, after.value) : undefined,
          ),
        )
        .orderBy(asc(lots.id))
        .limit(page.limit + 1),
    );
    return { ok: true, value: keysetPage(rows.map(toLot), page.limit, (l) => IdCursor.encode("lots", l.id)) };
  }

  async listStock(organizationId: Uuid, today: CalendarDate, page: PageRequest): Paged<StockLevel> {
    const after = IdCursor.decode("stock", page.cursor);
    if (!after.ok) return after;
    const rows = await withDatabaseErrors(() =>
      queryRows(this.db, stockLevelsQuery(organizationId, today, after.value, page.limit + 1)),
    );
    return {
      ok: true,
      value: keysetPage(rows.map(toStockLevel), page.limit, (s) => IdCursor.encode("stock", s.itemId)),
    };
  }

  async listMovements(organizationId: Uuid, filter: MovementFilter, page: PageRequest): Paged<StockMovement> {
    const after = IdCursor.decode("movements", page.cursor);
    if (!after.ok) return after;
    const rows = await withDatabaseErrors(() =>
      this.db
        .select()
        .from(stockMovements)
        .where(
          and(
            eq(stockMovements.organizationId, organizationId),
            filter.itemId ? eq(stockMovements.itemId, filter.itemId) : undefined,
            filter.fromMs !== null ? gte(stockMovements.occurredAt, new Date(filter.fromMs)) : undefined,
            filter.toMs !== null ? lt(stockMovements.occurredAt, new Date(filter.toMs)) : undefined,
            after.value ? gt(stockMovements.id, after.value) : undefined,
          ),
        )
        .orderBy(asc(stockMovements.id))
        .limit(page.limit + 1),
    );
    return { ok: true, value: keysetPage(rows.map(toMovement), page.limit, (m) => IdCursor.encode("movements", m.id)) };
  }

  async listOrders(organizationId: Uuid, status: OrderStatus | null, page: PageRequest): Paged<ProductionOrder> {
    const after = IdCursor.decode("orders", page.cursor);
    if (!after.ok) return after;
    // Newest first: what a planner looks at.
    const rows = await withDatabaseErrors(() =>
      this.db
        .select()
        .from(productionOrders)
        .where(
          and(
            eq(productionOrders.organizationId, organizationId),
            status ? eq(productionOrders.status, status) : undefined,
            after.value ? lt(productionOrders.id, after.value) : undefined,
          ),
        )
        .orderBy(desc(productionOrders.id))
        .limit(page.limit + 1),
    );
    return { ok: true, value: keysetPage(rows.map(toOrder), page.limit, (o) => IdCursor.encode("orders", o.id)) };
  }

  traceLot(organizationId: Uuid, lotId: Uuid) {
    return withDatabaseErrors(() => traceLot(this.db, organizationId, lotId));
  }

  verifyStock() {
    return withDatabaseErrors(() => verifyStock(this.db));
  }
}

function statusCondition(status: LotFilter["status"], today: CalendarDate) {
  if (status === "empty") return eq(lots.remainingMilli, 0n);
  if (status === "expired") return and(gt(lots.remainingMilli, 0n), lt(lots.expiresOn, today));
  if (status === "available") {
    return and(gt(lots.remainingMilli, 0n), sql`(${lots.expiresOn} is null or ${lots.expiresOn} >= ${today})`);
  }
  return undefined;
}
