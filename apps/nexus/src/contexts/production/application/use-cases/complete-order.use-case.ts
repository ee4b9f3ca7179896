import { err, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { unionOfAllergens } from "../../domain/allergen.value-object";
import { Lot } from "../../domain/lot.entity";
import { consumeForOrder, type ItemStock, recordOutput } from "../../domain/stock-keeping.service";
import { InputParser } from "../input-parsing";
import {
  type IllegalTransition,
  type InsufficientStock,
  type NotFound,
  notFound,
  type ValidationFailed,
} from "../production.errors";
import { type OrderView, orderView } from "../production.views";
import type { ProductionDeps } from "../production-deps";
import { auditRefusal } from "../refusal-audit";

export interface CompleteOrderInput {
  readonly organizationId: Uuid;
  readonly orderId: Uuid;
  readonly producedQuantity: string;
}

type Deps = Pick<
  ProductionDeps,
  "orders" | "recipes" | "products" | "ingredients" | "stock" | "unitOfWork" | "audit" | "events" | "clock" | "calendar"
>;

type Failure = ValidationFailed | NotFound | IllegalTransition | InsufficientStock;

/**
 * `POST /production/orders/{id}/complete`: consumes the pinned recipe scaled to the produced quantity,
 * FEFO over lots not expired today, and creates the product lot valued at exactly what was consumed.
 * Locks: the order row, then every stock item involved (by id), then their lots (by id); any
 * shortage refuses the whole completion and the unit of work rolls everything back.
 */
export class CompleteOrderUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: CompleteOrderInput): Promise<Result<OrderView, Failure>> {
    const { organizationId, orderId } = input;
    const subject = { action: "production.order.completed", organizationId, resourceType: "production-order" } as const;
    return auditRefusal(this.deps.audit, { ...subject, resourceId: orderId }, await this.complete(input));
  }

  private async complete(input: CompleteOrderInput): Promise<Result<OrderView, Failure>> {
    const parse = new InputParser();
    const produced = parse.quantity(input.producedQuantity, "/producedQuantity");
    if (!produced.isPositive())
      parse.errors.push({ pointer: "/producedQuantity", message: "must be greater than zero" });
    const parsed = parse.result(null);
    if (!parsed.ok) return parsed;

    return this.deps.unitOfWork.run(async (): Promise<Result<OrderView, Failure>> => {
      const { organizationId, orderId } = input;
      const { orders, recipes, products, ingredients, stock, clock } = this.deps;
      const order = await orders.lockById(organizationId, orderId);
      if (!order) return err(notFound("production order"));
      const allowed = order.checkCanComplete();
      if (!allowed.ok) return allowed;
      const { productId, recipeId } = order.toProps();
      const [recipe, product] = await Promise.all([
        recipes.findById(organizationId, recipeId),
        products.findById(organizationId, productId),
      ]);
      if (!recipe || !product) throw new Error(`order ${orderId} points at a missing recipe or product`);

      const requirements = recipe.requirements(produced).filter((r) => r.quantity.isPositive());
      const ingredientIds = requirements.map((r) => r.ingredientId);
      const items = await stock.lockItems(organizationId, [
        ...ingredientIds.map((itemId) => ({ itemId, itemKind: "ingredient" as const })),
        { itemId: productId, itemKind: "product" },
      ]);
      const lots = await stock.lockLotsOf(organizationId, ingredientIds);
      const byItem = new Map<Uuid, ItemStock>();
      for (const id of ingredientIds) {
        const item = items.get(id);
        if (item) byItem.set(id, { item, lots: lots.filter((l) => l.itemId === id) });
      }
      const now = clock.now();
      const today = await this.deps.calendar.today(organizationId, now);
      const used = await ingredients.findByIds(
        organizationId,
        recipe.props.items.map((i) => i.ingredientId),
      );
      const consumed = consumeForOrder(requirements, byItem, today, orderId, now);
      if (!consumed.ok) {
        const names = new Map(used.map((i) => [i.id, i.props]));
        const shortages = consumed.error.shortages.map((s) => ({
          ...s,
          name: names.get(s.ingredientId)?.name ?? null,
          unit: names.get(s.ingredientId)?.unit ?? null,
        }));
        return err({ ...consumed.error, message: describe(shortages.length), shortages });
      }

      const productLot = Lot.produce({
        organizationId,
        productId,
        orderId,
        recipeVersion: recipe.props.version,
        quantity: produced,
        cost: consumed.value.cost,
        producedAt: now,
        producedOn: today,
        shelfLifeDays: product.props.shelfLifeDays,
        allergens: unionOfAllergens(used.map((i) => i.allergens)),
      });
      const productItem = items.get(productId);
      if (!productItem) throw new Error("lockItems returned no row for the product");
      const output = recordOutput(productItem, productLot, orderId, now);
      const completed = order.complete({
        producedQuantity: produced,
        cost: consumed.value.cost,
        productLotId: productLot.id,
        now,
      });
      if (!completed.ok) return completed;

      const touched = new Set(consumed.value.movements.map((m) => m.lotId));
      await stock.updateLots(lots.filter((l) => touched.has(l.id)));
      await stock.insertLot(productLot);
      await stock.saveItems([...items.values()]);
      await stock.append([...consumed.value.movements, output]);
      await orders.save(order);

      const view = orderView(order);
      await this.deps.events.orderCompleted(organizationId, {
        orderId,
        productId,
        productName: product.props.name,
        sku: product.props.sku,
        producedQuantity: produced.toString(),
        cost: consumed.value.cost.toNumber(),
        productLotId: productLot.id,
        completedAt: now.toISOString(),
      });
      await this.deps.audit.record({
        action: "production.order.completed",
        organizationId,
        resourceType: "production-order",
        resourceId: orderId,
        metadata: {
          producedQuantity: view.producedQuantity,
          cost: view.cost,
          productLotId: productLot.id,
          consumptions: consumed.value.movements.length,
        },
      });
      return ok(view);
    });
  }
}

const describe = (count: number) =>
  `not enough stock to complete the order: ${count} ingredient${count === 1 ? " is" : "s are"} short`;
