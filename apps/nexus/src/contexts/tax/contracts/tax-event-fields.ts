import { z } from "zod";

/**
 * Field shapes shared by the tax integration events (CONTRACTS.md). Quantities are decimal strings,
 * money integers in minor units, dates `YYYY-MM-DD`, times RFC 3339 UTC.
 */
export const QuantityField = z.string().regex(/^-?\d{1,12}(\.\d{1,3})?$/, "a decimal with at most 3 fraction digits");
/** Tax documents carry no negative amounts: a credit note's are positive and subtract by its type. */
export const MoneyField = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
export const DateField = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD");
export const TimeField = z.iso.datetime();
export const IdField = z.uuid();
export const CurrencyField = z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code");

export const LineTaxSchema = z.object({
  code: z.string().min(1),
  rateBasisPoints: z.number().int().min(0).max(10_000),
  amount: MoneyField,
});

export const TotalsSchema = z.object({ net: MoneyField, tax: MoneyField, gross: MoneyField });

export type LineTax = z.infer<typeof LineTaxSchema>;
export type DocumentTotals = z.infer<typeof TotalsSchema>;
