import { z } from "zod";
import { EntityId, MinorUnits, QuantityText } from "./production-event-fields";

/** `production.goods.returned.v1`: reverses cost of goods sold (a cancellation or a restocking credit note). */
export const GoodsReturnedV1Schema = z.object({
  invoiceId: EntityId,
  creditNoteId: EntityId.nullable(),
  reason: z.enum(["invoice-cancelled", "credit-note-restock"]),
  lines: z.array(z.object({ productId: EntityId, quantity: QuantityText, cost: MinorUnits })),
});

export type GoodsReturnedV1 = z.infer<typeof GoodsReturnedV1Schema>;

export const GoodsReturnedV1 = {
  type: "production.goods.returned.v1",
  version: 1,
  schema: GoodsReturnedV1Schema,
} as const;
