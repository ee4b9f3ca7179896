import { uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { baseColumns } from "@/shared/infrastructure/database/base-columns";
import { tax } from "@/shared/infrastructure/database/schemas";
import { documentLineColumns } from "./document-line.columns";
import { invoices } from "./invoice.table";

/** Invoice lines: insert only (a trigger refuses UPDATE, DELETE and TRUNCATE). */
export const invoiceLines = tax.table(
  "invoice_lines",
  {
    ...baseColumns(),
    invoiceId: uuid("invoice_id")
      .$type<Uuid>()
      .notNull()
      .references(() => invoices.id),
    ...documentLineColumns(),
  },
  (t) => [uniqueIndex("invoice_lines_number_idx").on(t.invoiceId, t.lineNumber)],
);

export type InvoiceLineRow = typeof invoiceLines.$inferSelect;
