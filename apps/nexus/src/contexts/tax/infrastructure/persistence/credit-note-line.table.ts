import { index, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { baseColumns } from "@/shared/infrastructure/database/base-columns";
import { tax } from "@/shared/infrastructure/database/schemas";
import { creditNotes } from "./credit-note.table";
import { documentLineColumns } from "./document-line.columns";

/** Credit-note lines; `line_number` is the credited invoice line's. Insert only (trigger). */
export const creditNoteLines = tax.table(
  "credit_note_lines",
  {
    ...baseColumns(),
    creditNoteId: uuid("credit_note_id")
      .$type<Uuid>()
      .notNull()
      .references(() => creditNotes.id),
    invoiceId: uuid("invoice_id").$type<Uuid>().notNull(),
    ...documentLineColumns(),
  },
  (t) => [
    uniqueIndex("credit_note_lines_number_idx").on(t.creditNoteId, t.lineNumber),
    // "How much of this invoice line is credited already" (the credit-note rule).
    index("credit_note_lines_invoice_idx").on(t.invoiceId, t.lineNumber),
  ],
);

export type CreditNoteLineRow = typeof creditNoteLines.$inferSelect;
