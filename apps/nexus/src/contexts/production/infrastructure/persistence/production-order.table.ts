import { sql } from "drizzle-orm";
import { check, date, index, integer, text, timestamp } from "drizzle-orm/pg-core";
import { baseColumns } from "@/shared/infrastructure/database/base-columns";
import { production } from "@/shared/infrastructure/database/schemas";
import type { OrderStatus } from "../../domain/production-order.entity";
import { id, milli, minor } from "./columns";

export const productionOrders = production.table(
  "orders",
  {
    ...baseColumns(),
    organizationId: id("organization_id").notNull(),
    productId: id("product_id").notNull(),
    recipeId: id("recipe_id").notNull(),
    recipeVersion: integer("recipe_version").notNull(),
    quantityMilli: milli("quantity_milli").notNull(),
    plannedFor: date("planned_for", { mode: "string" }).notNull(),
    status: text("status").$type<OrderStatus>().notNull(),
    producedMilli: milli("produced_milli"),
    cost: minor("cost"),
    productLotId: id("product_lot_id"),
    startedAt: timestamp("started_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (t) => [
    check("orders_status_check", sql`${t.status} in ('planned', 'in_progress', 'completed', 'cancelled')`),
    index("orders_org_id_idx").on(t.organizationId, t.id),
    // GET /production/orders?status=…: keyset within one status, so a rare status (in_progress among
    // many completed orders) costs a page, not a scan of the organization's orders (bench/production).
    index("orders_org_status_id_idx").on(t.organizationId, t.status, t.id),
  ],
);

export type ProductionOrderRow = typeof productionOrders.$inferSelect;
