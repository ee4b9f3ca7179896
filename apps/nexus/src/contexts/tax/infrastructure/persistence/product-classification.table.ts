import { text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { baseColumns } from "@/shared/infrastructure/database/base-columns";
import { tax } from "@/shared/infrastructure/database/schemas";

/** A product's tax codes. `product_id` names a production product (no cross-schema key: spec §2). */
export const productClassifications = tax.table(
  "product_classifications",
  {
    ...baseColumns(),
    organizationId: uuid("organization_id").$type<Uuid>().notNull(),
    productId: uuid("product_id").$type<Uuid>().notNull(),
    taxCodes: text("tax_codes").array().notNull(),
  },
  (t) => [uniqueIndex("product_classifications_product_idx").on(t.organizationId, t.productId)],
);

export type ProductClassificationRow = typeof productClassifications.$inferSelect;
