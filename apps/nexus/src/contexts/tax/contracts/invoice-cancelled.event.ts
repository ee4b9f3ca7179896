import { z } from "zod";
import { CurrencyField, DateField, IdField, TimeField, TotalsSchema } from "./tax-event-fields";

export const InvoiceCancelledV1Schema = z.object({
  invoiceId: IdField,
  number: z.string(),
  issueDate: DateField,
  cancelledAt: TimeField,
  reason: z.string(),
  currency: CurrencyField,
  totals: TotalsSchema,
});

export type InvoiceCancelledV1 = z.infer<typeof InvoiceCancelledV1Schema>;

/** `tax.invoice.cancelled.v1`: an invoice issued in error was voided the same day (reverse it entirely). */
export const InvoiceCancelledV1 = {
  type: "tax.invoice.cancelled.v1",
  version: 1,
  schema: InvoiceCancelledV1Schema,
} as const;
