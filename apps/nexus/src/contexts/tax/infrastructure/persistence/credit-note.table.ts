import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, jsonb, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { baseColumns } from "@/shared/infrastructure/database/base-columns";
import { tax } from "@/shared/infrastructure/database/schemas";
import type { Customer, FiscalIdentity } from "../../domain/party.value-objects";
import { invoices } from "./invoice.table";

const money = (name: string) => bigint(name, { mode: "number" }).notNull();

/** Issued credit notes: insert only (a trigger refuses UPDATE, DELETE and TRUNCATE). */
export const creditNotes = tax.table(
  "credit_notes",
  {
    ...baseColumns(),
    organizationId: uuid("organization_id").$type<Uuid>().notNull(),
    number: text("number").notNull(),
    invoiceId: uuid("invoice_id")
      .$type<Uuid>()
      .notNull()
      .references(() => invoices.id),
    invoiceNumber: text("invoice_number").notNull(),
    invoiceIssueDate: date("invoice_issue_date", { mode: "string" }).notNull(),
    issueDate: date("issue_date", { mode: "string" }).notNull(),
    currency: text("currency").notNull(),
    seller: jsonb("seller").$type<FiscalIdentity>().notNull(),
    customer: jsonb("customer").$type<Customer>().notNull(),
    reason: text("reason").notNull(),
    restock: boolean("restock").notNull(),
    net: money("net"),
    tax: money("tax"),
    gross: money("gross"),
    issuedAt: timestamp("issued_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [
    uniqueIndex("credit_notes_number_idx").on(t.organizationId, t.number),
    index("credit_notes_issue_date_idx").on(t.organizationId, t.issueDate.desc(), t.id.desc()),
    index("credit_notes_invoice_idx").on(t.invoiceId),
    check("credit_notes_gross_check", sql`${t.gross} = ${t.net} + ${t.tax}`),
  ],
);

export type CreditNoteRow = typeof creditNotes.$inferSelect;
