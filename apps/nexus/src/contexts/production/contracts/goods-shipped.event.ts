import { z } from "zod";
import { EntityId, IsoDate, MinorUnits, QuantityText } from "./production-event-fields";

/**
 * `production.goods.shipped.v1`: the cost of goods sold of an invoice. Per line, `cost` = the lots'
 * costs + the unallocated `shortfallQuantity` valued at average cost.
 */
export const GoodsShippedV1Schema = z.object({
  invoiceId: EntityId,
  invoiceNumber: z.string(),
  issueDate: IsoDate,
  lines: z.array(
    z.object({
      productId: EntityId,
      quantity: QuantityText,
      cost: MinorUnits,
      shortfallQuantity: QuantityText,
      lots: z.array(z.object({ lotId: EntityId, quantity: QuantityText, cost: MinorUnits })),
    }),
  ),
});

export type GoodsShippedV1 = z.infer<typeof GoodsShippedV1Schema>;

export const GoodsShippedV1 = {
  type: "production.goods.shipped.v1",
  version: 1,
  schema: GoodsShippedV1Schema,
} as const;
