import { z } from "zod";
import { EntityId, MinorUnits, QuantityText } from "./production-event-fields";

/** `production.order.completed.v1`: `cost` (minor units) is the order's actual cost and its lot's value. */
export const OrderCompletedV1Schema = z.object({
  orderId: EntityId,
  productId: EntityId,
  productName: z.string(),
  sku: z.string(),
  producedQuantity: QuantityText,
  cost: MinorUnits,
  productLotId: EntityId,
  completedAt: z.iso.datetime(),
});

export type OrderCompletedV1 = z.infer<typeof OrderCompletedV1Schema>;

export const OrderCompletedV1 = {
  type: "production.order.completed.v1",
  version: 1,
  schema: OrderCompletedV1Schema,
} as const;
