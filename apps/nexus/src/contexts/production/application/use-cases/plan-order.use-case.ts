import { err, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { ProductionOrder } from "../../domain/production-order.entity";
import { InputParser } from "../input-parsing";
import type { KeyedRequest } from "../keyed-request";
import { keyedWrite } from "../keyed-writes";
import {
  type IdempotencyKeyReused,
  type NoRecipe,
  type NotFound,
  noRecipe,
  notFound,
  type ValidationFailed,
} from "../production.errors";
import { type OrderView, orderView } from "../production.views";
import type { ProductionDeps } from "../production-deps";
import { auditRefusal } from "../refusal-audit";

export interface PlanOrderInput {
  readonly organizationId: Uuid;
  readonly productId: Uuid;
  readonly quantity: string;
  readonly plannedFor: string;
  /** The Idempotency-Key, if sent: a retry gets the order its key planned, never a second one. */
  readonly request?: KeyedRequest | null;
}

type PlanOrderError = ValidationFailed | NotFound | NoRecipe | IdempotencyKeyReused;
type Deps = Pick<
  ProductionDeps,
  "products" | "recipes" | "orders" | "keyedRequests" | "unitOfWork" | "audit" | "clock"
>;

/** `POST /production/orders` → planned, pinned to the product's current recipe version. */
export class PlanOrderUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: PlanOrderInput): Promise<Result<OrderView, PlanOrderError>> {
    const subject = { organizationId: input.organizationId, resourceType: "production-order" } as const;
    return auditRefusal(this.deps.audit, { ...subject, action: "production.order.planned" }, await this.plan(input));
  }

  private async plan(input: PlanOrderInput): Promise<Result<OrderView, PlanOrderError>> {
    const { organizationId, productId } = input;
    const keyed = keyedWrite(
      this.deps.keyedRequests,
      { organizationId, operation: "order", request: input.request },
      (id: Uuid) => this.load(organizationId, id),
    );
    const earlier = await keyed.recorded();
    if (earlier) return earlier;
    const parse = new InputParser();
    const quantity = parse.quantity(input.quantity, "/quantity");
    const plannedFor = parse.date(input.plannedFor, "/plannedFor");
    const parsed = parse.result(null);
    if (!parsed.ok) return parsed;

    return this.deps.unitOfWork.run(async (): Promise<Result<OrderView, PlanOrderError>> => {
      const product = await this.deps.products.findById(organizationId, productId);
      if (!product) return err(notFound("product"));
      const recipe = await this.deps.recipes.findCurrent(organizationId, productId);
      if (!recipe) return err(noRecipe());
      const order = ProductionOrder.plan({
        organizationId,
        productId,
        recipeId: recipe.id,
        recipeVersion: recipe.props.version,
        quantity,
        plannedFor,
        now: this.deps.clock.now(),
      });
      if (!order.ok) return order;
      const twin = await keyed.claim(order.value.id);
      if (twin) return twin;
      await this.deps.orders.save(order.value);
      const view = orderView(order.value);
      await this.deps.audit.record({
        action: "production.order.planned",
        organizationId,
        resourceType: "production-order",
        resourceId: view.id,
        metadata: { productId, quantity: view.quantity, plannedFor, recipeVersion: view.recipeVersion },
      });
      return ok(view);
    });
  }

  private async load(organizationId: Uuid, id: Uuid): Promise<OrderView | null> {
    const order = await this.deps.orders.findById(organizationId, id);
    return order && orderView(order);
  }
}
