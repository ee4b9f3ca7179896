import { date, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { production } from "@/shared/infrastructure/database/schemas";
import { id } from "./columns";

/**
 * What production keeps of an issued invoice (from tax.invoice.issued.v1): enough to name it in a
 * lot trace and to know whether it was cancelled. The movements carry the quantities.
 */
export const sales = production.table("sales", {
  invoiceId: uuid("invoice_id").$type<Uuid>().primaryKey(),
  organizationId: id("organization_id").notNull(),
  number: text("number").notNull(),
  issueDate: date("issue_date", { mode: "string" }).notNull(),
  customerName: text("customer_name").notNull(),
  customerTaxId: text("customer_tax_id"),
  cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type SaleRow = typeof sales.$inferSelect;
