import { sql } from "drizzle-orm";
import { bigint, numeric } from "drizzle-orm/pg-core";

/** Quantities as numeric(20,3): PostgreSQL sums them exactly; read back as strings. */
export const quantity = (name: string) => numeric(name, { precision: 20, scale: 3 }).notNull().default("0");
export const money = (name: string) => bigint(name, { mode: "bigint" }).notNull().default(sql`0`);

/** The additive figures shared by both fact tables (see domain/measures.ts). */
export const measureColumns = () => ({
  revenueNet: money("revenue_net"),
  tax: money("tax"),
  unitsSold: quantity("units_sold"),
  unitsProduced: quantity("units_produced"),
  productionCost: money("production_cost"),
  costOfGoodsSold: money("cost_of_goods_sold"),
});
