import { bigint, primaryKey, text } from "drizzle-orm/pg-core";
import { production } from "@/shared/infrastructure/database/schemas";
import type { ItemKind } from "../../domain/lot.entity";
import { id, milli, minor } from "./columns";

/**
 * One row per item: on-hand totals and the ledger head. Every stock change locks this row first
 * (FOR UPDATE, in item-id order), which serialises movements per item and orders the lot locks.
 */
export const stockItems = production.table(
  "stock_items",
  {
    organizationId: id("organization_id").notNull(),
    itemId: id("item_id").notNull(),
    itemKind: text("item_kind").$type<ItemKind>().notNull(),
    quantityMilli: milli("quantity_milli").notNull(),
    value: minor("value").notNull(),
    shortfallMilli: milli("shortfall_milli").notNull(),
    shortfallValue: minor("shortfall_value").notNull(),
    lastSequence: bigint("last_sequence", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ name: "stock_items_pkey", columns: [t.organizationId, t.itemId] })],
);

export type StockItemRow = typeof stockItems.$inferSelect;
