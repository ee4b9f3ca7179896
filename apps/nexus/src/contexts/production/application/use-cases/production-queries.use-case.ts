import { err, map, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Allergen } from "../../domain/allergen.value-object";
import { CalendarDate } from "../../domain/calendar-date.value-object";
import type { LotStatus } from "../../domain/lot.entity";
import type { Product } from "../../domain/product.entity";
import type { OrderStatus } from "../../domain/production-order.entity";
import { InputParser } from "../input-parsing";
import type { InvalidCursor, Page, PageRequest, StockLevel } from "../ports/production-read-model.port";
import { type NotFound, notFound, type ValidationFailed } from "../production.errors";
import {
  type IngredientView,
  ingredientView,
  type LotView,
  lotView,
  type MovementView,
  movementView,
  type OrderView,
  orderView,
  type ProductView,
  productView,
  type RecipeView,
  recipeView,
} from "../production.views";
import type { ProductionDeps } from "../production-deps";

type Deps = Pick<
  ProductionDeps,
  "ingredients" | "products" | "recipes" | "orders" | "stock" | "readModel" | "clock" | "calendar"
>;

export interface LotQuery {
  readonly itemId?: Uuid | undefined;
  readonly status?: LotStatus | undefined;
  readonly expiringBefore?: string | undefined;
}

export interface MovementQuery {
  readonly itemId?: Uuid | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** The read side of production: gets and lists, tenant-scoped; another organization's ids find nothing. */
export class ProductionQueriesUseCase {
  constructor(private readonly deps: Deps) {}

  async getIngredient(organizationId: Uuid, id: Uuid): Promise<Result<IngredientView, NotFound>> {
    const found = await this.deps.ingredients.findById(organizationId, id);
    return found ? ok(ingredientView(found)) : err(notFound("ingredient"));
  }

  async listIngredients(organizationId: Uuid, page: PageRequest): Promise<Result<Page<IngredientView>, InvalidCursor>> {
    return map(await this.deps.readModel.listIngredients(organizationId, page), (p) => ({
      ...p,
      items: p.items.map(ingredientView),
    }));
  }

  async getProduct(organizationId: Uuid, id: Uuid): Promise<Result<ProductView, NotFound>> {
    const found = await this.deps.products.findById(organizationId, id);
    if (!found) return err(notFound("product"));
    const [page] = await this.productViews(organizationId, [found]);
    return page ? ok(page) : err(notFound("product"));
  }

  async listProducts(organizationId: Uuid, page: PageRequest): Promise<Result<Page<ProductView>, InvalidCursor>> {
    const listed = await this.deps.readModel.listProducts(organizationId, page);
    if (!listed.ok) return listed;
    return ok({ ...listed.value, items: await this.productViews(organizationId, listed.value.items) });
  }

  async currentRecipe(
    organizationId: Uuid,
    productId: Uuid,
  ): Promise<Result<RecipeView & { allergens: Allergen[] }, NotFound>> {
    const recipe = await this.deps.recipes.findCurrent(organizationId, productId);
    if (!recipe) return err(notFound("recipe"));
    const allergens = await this.deps.readModel.productAllergens(organizationId, [productId]);
    return ok({ ...recipeView(recipe), allergens: allergens.get(productId) ?? [] });
  }

  async recipeVersions(
    organizationId: Uuid,
    productId: Uuid,
    page: PageRequest,
  ): Promise<Result<Page<RecipeView>, NotFound | InvalidCursor>> {
    if (!(await this.deps.products.findById(organizationId, productId))) return err(notFound("product"));
    return map(await this.deps.recipes.pageVersions(organizationId, productId, page), (p) => ({
      items: p.items.map(recipeView),
      nextCursor: p.nextCursor,
    }));
  }

  async listLots(
    organizationId: Uuid,
    query: LotQuery,
    page: PageRequest,
  ): Promise<Result<Page<LotView>, InvalidCursor | ValidationFailed>> {
    const parse = new InputParser();
    const expiringBefore = parse.optionalDate(query.expiringBefore, "/expiringBefore");
    const parsed = parse.result(null);
    if (!parsed.ok) return parsed;
    const today = await this.today(organizationId);
    const filter = { itemId: query.itemId ?? null, status: query.status ?? null, expiringBefore, today };
    return map(await this.deps.readModel.listLots(organizationId, filter, page), (p) => ({
      ...p,
      items: p.items.map((lot) => lotView(lot, lot.statusOn(today))),
    }));
  }

  async getLot(organizationId: Uuid, lotId: Uuid): Promise<Result<LotView, NotFound>> {
    const lot = await this.deps.stock.findLot(organizationId, lotId);
    if (!lot) return err(notFound("lot"));
    return ok(lotView(lot, lot.statusOn(await this.today(organizationId))));
  }

  async stock(organizationId: Uuid, page: PageRequest): Promise<Result<Page<StockLevel>, InvalidCursor>> {
    return this.deps.readModel.listStock(organizationId, await this.today(organizationId), page);
  }

  async movements(
    organizationId: Uuid,
    query: MovementQuery,
    page: PageRequest,
  ): Promise<Result<Page<MovementView>, InvalidCursor | ValidationFailed>> {
    const parse = new InputParser();
    const from = instant(query.from, "/from", parse);
    const to = instant(query.to, "/to", parse);
    const parsed = parse.result(null);
    if (!parsed.ok) return parsed;
    // A date means the organization's midnight, as its people read "from 3 December".
    const toMs = async (bound: Instant) =>
      bound === null ? null : typeof bound === "number" ? bound : this.deps.calendar.startOfDay(organizationId, bound);
    const filter = { itemId: query.itemId ?? null, fromMs: await toMs(from), toMs: await toMs(to) };
    return map(await this.deps.readModel.listMovements(organizationId, filter, page), (p) => ({
      ...p,
      items: p.items.map(movementView),
    }));
  }

  async getOrder(organizationId: Uuid, id: Uuid): Promise<Result<OrderView, NotFound>> {
    const order = await this.deps.orders.findById(organizationId, id);
    return order ? ok(orderView(order)) : err(notFound("production order"));
  }

  async listOrders(
    organizationId: Uuid,
    status: OrderStatus | null,
    page: PageRequest,
  ): Promise<Result<Page<OrderView>, InvalidCursor>> {
    return map(await this.deps.readModel.listOrders(organizationId, status, page), (p) => ({
      ...p,
      items: p.items.map(orderView),
    }));
  }

  private async productViews(organizationId: Uuid, products: readonly Product[]) {
    const ids = products.map((p) => p.id);
    const [allergens, versions] = await Promise.all([
      this.deps.readModel.productAllergens(organizationId, ids),
      this.deps.readModel.currentRecipeVersions(organizationId, ids),
    ]);
    return products.map((p) => productView(p, allergens.get(p.id) ?? [], versions.get(p.id) ?? null));
  }

  private today(organizationId: Uuid): Promise<CalendarDate> {
    return this.deps.calendar.today(organizationId, this.deps.clock.now());
  }
}

/** A day (its start is the organization's to say) or an exact instant in epoch ms. */
type Instant = CalendarDate | number | null;

/** A date (`YYYY-MM-DD`) or an RFC 3339 time. */
function instant(text: string | undefined, pointer: string, parse: InputParser): Instant {
  if (text === undefined) return null;
  const asDate = CalendarDate.parse(text);
  if (asDate.ok) return asDate.value;
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms)) parse.errors.push({ pointer, message: "must be a date (YYYY-MM-DD) or an RFC 3339 time" });
  return Number.isNaN(ms) ? null : ms;
}
