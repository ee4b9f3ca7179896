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

export const InvoiceIssuedLineSchema = z.object({
  lineNumber: z.number().int().positive(),
  productId: IdField,
  productName: z.string(),
  sku: z.string(),
  unit: z.string(),
  quantity: QuantityField,
  unitPrice: MoneyField,
  net: MoneyField,
  tax: MoneyField,
  taxes: z.array(LineTaxSchema),
});

export const InvoiceIssuedV1Schema = z.object({
  invoiceId: IdField,
  number: z.string(),
  issueDate: DateField,
  currency: CurrencyField,
  customer: z.object({ name: z.string(), taxId: z.string().nullable() }),
  lines: z.array(InvoiceIssuedLineSchema).min(1),
  totals: TotalsSchema,
});

export type InvoiceIssuedV1 = z.infer<typeof InvoiceIssuedV1Schema>;

/** `tax.invoice.issued.v1`: an invoice was issued (production ships its lines, bi counts revenue). */
export const InvoiceIssuedV1 = {
  type: "tax.invoice.issued.v1",
  version: 1,
  schema: InvoiceIssuedV1Schema,
} as const;
