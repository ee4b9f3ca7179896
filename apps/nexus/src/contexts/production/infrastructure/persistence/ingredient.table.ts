import { sql } from "drizzle-orm";
import { index, text, uniqueIndex } from "drizzle-orm/pg-core";
import { baseColumns } from "@/shared/infrastructure/database/base-columns";
import { production } from "@/shared/infrastructure/database/schemas";
import type { Allergen } from "../../domain/allergen.value-object";
import type { StockUnit } from "../../domain/stock-unit.value-object";
import { id, milli } from "./columns";

export const ingredients = production.table(
  "ingredients",
  {
    ...baseColumns(),
    organizationId: id("organization_id").notNull(),
    name: text("name").notNull(),
    unit: text("unit").$type<StockUnit>().notNull(),
    sku: text("sku"),
    reorderLevelMilli: milli("reorder_level_milli"),
    allergens: text("allergens").array().$type<Allergen[]>().notNull(),
    supplier: text("supplier"),
  },
  (t) => [
    uniqueIndex("ingredients_org_sku_key").on(t.organizationId, t.sku).where(sql`${t.sku} is not null`),
    index("ingredients_org_id_idx").on(t.organizationId, t.id),
  ],
);

export type IngredientRow = typeof ingredients.$inferSelect;
