import { sql } from "drizzle-orm";
import { bigint, check, date, index, jsonb, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { baseColumns } from "@/shared/infrastructure/database/base-columns";
import { tax } from "@/shared/infrastructure/database/schemas";
import type { InvoiceStatus } from "../../domain/invoice.entity";
import type { FiscalIdentity, PostalAddress } from "../../domain/party.value-objects";

const money = (name: string) => bigint(name, { mode: "number" }).notNull();

/**
 * Issued invoices. Triggers (migration) refuse DELETE and any UPDATE but issued → cancelled with the
 * two cancellation fields: amounts, parties and numbers never change.
 */
export const invoices = tax.table(
  "invoices",
  {
    ...baseColumns(),
    organizationId: uuid("organization_id").$type<Uuid>().notNull(),
    number: text("number").notNull(),
    issueDate: date("issue_date", { mode: "string" }).notNull(),
    currency: text("currency").notNull(),
    seller: jsonb("seller").$type<FiscalIdentity>().notNull(),
    customerName: text("customer_name").notNull(),
    customerTaxId: text("customer_tax_id"),
    customerAddress: jsonb("customer_address").$type<PostalAddress>(),
    net: money("net"),
    tax: money("tax"),
    gross: money("gross"),
    status: text("status").$type<InvoiceStatus>().notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true, mode: "date" }).notNull(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true, mode: "date" }),
    cancellationReason: text("cancellation_reason"),
  },
  (t) => [
    uniqueIndex("invoices_number_idx").on(t.organizationId, t.number),
    index("invoices_issue_date_idx").on(t.organizationId, t.issueDate.desc(), t.id.desc()),
    check("invoices_status_check", sql`${t.status} in ('issued', 'cancelled')`),
    check("invoices_gross_check", sql`${t.gross} = ${t.net} + ${t.tax}`),
    check(
      "invoices_cancellation_check",
      sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null and ${t.cancellationReason} is not null)`,
    ),
  ],
);

export type InvoiceRow = typeof invoices.$inferSelect;
