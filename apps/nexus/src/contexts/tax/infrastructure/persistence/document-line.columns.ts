import { bigint, integer, jsonb, numeric, text, uuid } from "drizzle-orm/pg-core";
import type { LineTax } from "@/contexts/tax/contracts/tax-event-fields";
import type { Uuid } from "@/shared/domain/uuid.value-object";

/** Columns shared by invoice and credit-note lines: the product snapshot and the rounded figures. */
export const documentLineColumns = () => ({
  organizationId: uuid("organization_id").$type<Uuid>().notNull(),
  lineNumber: integer("line_number").notNull(),
  productId: uuid("product_id").$type<Uuid>().notNull(),
  productName: text("product_name").notNull(),
  sku: text("sku").notNull(),
  unit: text("unit").notNull(),
  quantity: numeric("quantity", { precision: 18, scale: 3 }).notNull(),
  unitPrice: bigint("unit_price", { mode: "number" }).notNull(),
  net: bigint("net", { mode: "number" }).notNull(),
  tax: bigint("tax", { mode: "number" }).notNull(),
  /** [{code, rateBasisPoints, amount}], amounts in minor units. */
  taxes: jsonb("taxes").$type<LineTax[]>().notNull(),
});
