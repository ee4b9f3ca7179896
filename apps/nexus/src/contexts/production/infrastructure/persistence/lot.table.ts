import { sql } from "drizzle-orm";
import { check, date, index, integer, text, timestamp } from "drizzle-orm/pg-core";
import { baseColumns } from "@/shared/infrastructure/database/base-columns";
import { production } from "@/shared/infrastructure/database/schemas";
import type { Allergen } from "../../domain/allergen.value-object";
import type { ItemKind } from "../../domain/lot.entity";
import { id, milli, minor } from "./columns";

/** Ingredient lots (receipts) and product lots (completed orders). Never below zero (checks). */
export const lots = production.table(
  "lots",
  {
    ...baseColumns(),
    organizationId: id("organization_id").notNull(),
    itemId: id("item_id").notNull(),
    itemKind: text("item_kind").$type<ItemKind>().notNull(),
    code: text("code").notNull(),
    quantityMilli: milli("quantity_milli").notNull(),
    totalCost: minor("total_cost").notNull(),
    remainingMilli: milli("remaining_milli").notNull(),
    remainingValue: minor("remaining_value").notNull(),
    expiresOn: date("expires_on", { mode: "string" }),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    supplier: text("supplier"),
    orderId: id("order_id"),
    recipeVersion: integer("recipe_version"),
    allergens: text("allergens").array().$type<Allergen[]>().notNull(),
  },
  (t) => [
    check("lots_quantity_check", sql`${t.quantityMilli} > 0 and ${t.totalCost} >= 0`),
    check("lots_remaining_check", sql`${t.remainingMilli} >= 0 and ${t.remainingValue} >= 0`),
    check("lots_item_kind_check", sql`${t.itemKind} in ('ingredient', 'product')`),
    index("lots_org_item_idx").on(t.organizationId, t.itemId, t.id),
    index("lots_org_id_idx").on(t.organizationId, t.id),
    index("lots_order_idx").on(t.orderId),
  ],
);

export type LotRow = typeof lots.$inferSelect;
