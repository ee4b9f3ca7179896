import { date, integer, primaryKey, uuid } from "drizzle-orm/pg-core";
import { bi } from "@/shared/infrastructure/database/schemas";
import { measureColumns } from "./measure-columns";

/**
 * One row per (organization, local day): every measure of the day, so KPIs and time series over a
 * year read at most 366 rows whatever the number of invoices.
 */
export const dailyFacts = bi.table(
  "daily_facts",
  {
    organizationId: uuid("organization_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    ...measureColumns(),
    invoiceCount: integer("invoice_count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.day] })],
);

/** One row per (organization, local day, product): rankings and per-product figures. */
export const dailyProductFacts = bi.table(
  "daily_product_facts",
  {
    organizationId: uuid("organization_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    productId: uuid("product_id").notNull(),
    ...measureColumns(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.day, t.productId] })],
);

export type DailyFactsRow = typeof dailyFacts.$inferSelect;
