import { err, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { IllegalTransition, NotFound } from "../production.errors";
import { notFound } from "../production.errors";
import { type OrderView, orderView } from "../production.views";
import type { ProductionDeps } from "../production-deps";
import { auditRefusal } from "../refusal-audit";

type Deps = Pick<ProductionDeps, "orders" | "unitOfWork" | "audit" | "clock">;

/** `POST /production/orders/{id}/start` and `/cancel`: the order row is locked, the entity decides. */
export class ChangeOrderStatusUseCase {
  constructor(private readonly deps: Deps) {}

  start(organizationId: Uuid, orderId: Uuid) {
    return this.transition(organizationId, orderId, "start");
  }

  cancel(organizationId: Uuid, orderId: Uuid) {
    return this.transition(organizationId, orderId, "cancel");
  }

  private async transition(
    organizationId: Uuid,
    orderId: Uuid,
    verb: "start" | "cancel",
  ): Promise<Result<OrderView, NotFound | IllegalTransition>> {
    const action = verb === "start" ? "production.order.started" : "production.order.cancelled";
    const subject = { action, organizationId, resourceType: "production-order", resourceId: orderId } as const;
    return auditRefusal(this.deps.audit, subject, await this.move(organizationId, orderId, verb));
  }

  private move(
    organizationId: Uuid,
    orderId: Uuid,
    verb: "start" | "cancel",
  ): Promise<Result<OrderView, NotFound | IllegalTransition>> {
    return this.deps.unitOfWork.run(async () => {
      const order = await this.deps.orders.lockById(organizationId, orderId);
      if (!order) return err(notFound("production order"));
      const from = order.status;
      const now = this.deps.clock.now();
      const moved = verb === "start" ? order.start(now) : order.cancel(now);
      if (!moved.ok) return moved;
      await this.deps.orders.save(order);
      await this.deps.audit.record({
        action: verb === "start" ? "production.order.started" : "production.order.cancelled",
        organizationId,
        resourceType: "production-order",
        resourceId: orderId,
        metadata: { from, to: order.status },
      });
      return ok(orderView(order));
    });
  }
}
