import { index, integer, text, uniqueIndex } from "drizzle-orm/pg-core";
import { baseColumns } from "@/shared/infrastructure/database/base-columns";
import { production } from "@/shared/infrastructure/database/schemas";
import type { StockUnit } from "../../domain/stock-unit.value-object";
import { id } from "./columns";

export const products = production.table(
  "products",
  {
    ...baseColumns(),
    organizationId: id("organization_id").notNull(),
    name: text("name").notNull(),
    sku: text("sku").notNull(),
    unit: text("unit").$type<StockUnit>().notNull(),
    shelfLifeDays: integer("shelf_life_days"),
    /** The current recipe version; null until the first PUT. */
    recipeVersion: integer("recipe_version"),
  },
  (t) => [
    uniqueIndex("products_org_sku_key").on(t.organizationId, t.sku),
    index("products_org_id_idx").on(t.organizationId, t.id),
  ],
);

export type ProductRow = typeof products.$inferSelect;
