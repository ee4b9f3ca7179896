import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { OutboxWriter } from "@/shared/infrastructure/events/outbox-writer";
import type { ProductionEvents } from "../../application/ports/production-services.port";
import { GoodsReturnedV1 } from "../../contracts/goods-returned.event";
import { GoodsShippedV1 } from "../../contracts/goods-shipped.event";
import { OrderCompletedV1 } from "../../contracts/order-completed.event";

/** Production's events through the transactional outbox; ordered per order, or per invoice. */
export class OutboxProductionEvents implements ProductionEvents {
  constructor(private readonly outbox: OutboxWriter) {}

  async orderCompleted(organizationId: Uuid, payload: OrderCompletedV1): Promise<void> {
    await this.outbox.publish(OrderCompletedV1, { organizationId, aggregateId: payload.orderId as Uuid, payload });
  }

  async goodsShipped(organizationId: Uuid, payload: GoodsShippedV1): Promise<void> {
    await this.outbox.publish(GoodsShippedV1, { organizationId, aggregateId: payload.invoiceId as Uuid, payload });
  }

  async goodsReturned(organizationId: Uuid, payload: GoodsReturnedV1): Promise<void> {
    await this.outbox.publish(GoodsReturnedV1, { organizationId, aggregateId: payload.invoiceId as Uuid, payload });
  }
}
