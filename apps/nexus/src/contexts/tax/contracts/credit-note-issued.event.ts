import { z } from "zod";
import {
  CurrencyField,
  DateField,
  IdField,
  LineTaxSchema,
  MoneyField,
  QuantityField,
  TotalsSchema,
} from "./tax-event-fields";

export const CreditNoteIssuedLineSchema = z.object({
  /** The credited invoice line's number. */
  lineNumber: z.number().int().positive(),
  productId: IdField,
  quantity: QuantityField,
  unitPrice: MoneyField,
  net: MoneyField,
  tax: MoneyField,
  taxes: z.array(LineTaxSchema),
});

export const CreditNoteIssuedV1Schema = z.object({
  creditNoteId: IdField,
  number: z.string(),
  invoiceId: IdField,
  invoiceNumber: z.string(),
  issueDate: DateField,
  /** When true the credited quantities go back to stock (production returns them to their lots). */
  restock: z.boolean(),
  currency: CurrencyField,
  lines: z.array(CreditNoteIssuedLineSchema).min(1),
  totals: TotalsSchema,
});

export type CreditNoteIssuedV1 = z.infer<typeof CreditNoteIssuedV1Schema>;

/** `tax.credit-note.issued.v1`: amounts are positive; they reduce the invoice's (and the period's) revenue. */
export const CreditNoteIssuedV1 = {
  type: "tax.credit-note.issued.v1",
  version: 1,
  schema: CreditNoteIssuedV1Schema,
} as const;
