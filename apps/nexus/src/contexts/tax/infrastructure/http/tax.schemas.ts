import { z } from "@hono/zod-openapi";
import {
  DateTimeSchema,
  IdSchema,
  PageQuerySchema,
  pageOf,
  pathIdParams,
} from "@/shared/infrastructure/http/common.schemas";

/** Request and response shapes of the tax API (spec §6); money in minor units, quantities as strings. */
const DateText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD")
  .openapi({ format: "date", example: "2026-12-02" });
const QuantityText = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,3})?$/, "a positive decimal with at most 3 fraction digits, as a string")
  .openapi({ example: "2.5" });
const Minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).openapi({ description: "minor units" });
const Text = (max: number) => z.string().min(1).max(max);

export const AddressSchema = z
  .object({ line1: Text(200), city: Text(100), postalCode: Text(20), countryCode: z.string().length(2) })
  .openapi("PostalAddress");

export const FiscalIdentitySchema = z
  .object({ legalName: Text(200), taxId: Text(64), address: AddressSchema })
  .openapi("FiscalIdentity");

export const CreateRateBody = z
  .object({
    code: Text(32).openapi({ example: "VAT-STD" }),
    name: Text(100),
    rateBasisPoints: z.number().int().min(0).max(10_000).openapi({ example: 2000, description: "1 bp = 0.01 %" }),
    validFrom: DateText,
    validTo: DateText.nullable().optional().openapi({ description: "inclusive last day; absent = open-ended" }),
  })
  .openapi("CreateTaxRate");

export const RateSchema = z
  .object({
    id: IdSchema,
    code: z.string(),
    name: z.string(),
    rateBasisPoints: z.number().int(),
    validFrom: DateText,
    validTo: DateText.nullable(),
  })
  .openapi("TaxRate");

export const RatePage = pageOf(RateSchema).openapi("TaxRatePage");
export const RateListQuery = PageQuerySchema.extend({ code: Text(32).optional() });

export const ClassificationBody = z
  .object({ taxCodes: z.array(Text(32)).min(1).max(10) })
  .openapi("ClassificationUpdate");
export const ClassificationSchema = z
  .object({ productId: IdSchema, taxCodes: z.array(z.string()) })
  .openapi("ProductClassification");
export const ProductIdParam = pathIdParams("productId");
export const IdParam = pathIdParams("id");

export const IssueInvoiceBody = z
  .object({
    issueDate: DateText.optional().openapi({ description: "defaults to today in the organization's time zone" }),
    customer: z.object({
      name: Text(200),
      taxId: z.string().max(64).nullable().optional(),
      address: AddressSchema.nullable().optional(),
    }),
    lines: z
      .array(z.object({ productId: IdSchema, quantity: QuantityText, unitPrice: Minor }))
      .min(1)
      .max(500),
  })
  .openapi("IssueInvoice");

const LineTaxSchema = z.object({ code: z.string(), rateBasisPoints: z.number().int(), amount: z.number().int() });
const LineSchema = z.object({
  lineNumber: z.number().int(),
  productId: IdSchema,
  productName: z.string(),
  sku: z.string(),
  unit: z.string(),
  quantity: z.string(),
  unitPrice: z.number().int(),
  net: z.number().int(),
  tax: z.number().int(),
  gross: z.number().int(),
  taxes: z.array(LineTaxSchema),
});
const BreakdownSchema = z.object({
  code: z.string(),
  rateBasisPoints: z.number().int(),
  taxableAmount: z.number().int(),
  taxAmount: z.number().int(),
});
const TotalsSchema = z.object({ net: z.number().int(), tax: z.number().int(), gross: z.number().int() });
const CustomerSchema = z.object({
  name: z.string(),
  taxId: z.string().nullable(),
  address: AddressSchema.nullable(),
});
const documentFields = {
  id: IdSchema,
  number: z.string().openapi({ example: "2026-000001" }),
  issueDate: DateText,
  currency: z.string(),
  seller: FiscalIdentitySchema,
  customer: CustomerSchema,
  lines: z.array(LineSchema),
  taxBreakdown: z.array(BreakdownSchema),
  totals: TotalsSchema,
  issuedAt: DateTimeSchema,
};

export const InvoiceSchema = z
  .object({
    ...documentFields,
    status: z.enum(["issued", "cancelled"]),
    cancelledAt: DateTimeSchema.nullable(),
    cancellationReason: z.string().nullable(),
  })
  .openapi("Invoice");

export const CreditNoteSchema = z
  .object({
    ...documentFields,
    invoiceId: IdSchema,
    invoiceNumber: z.string(),
    invoiceIssueDate: DateText,
    reason: z.string(),
    restock: z.boolean(),
  })
  .openapi("CreditNote");

export const InvoicePage = pageOf(InvoiceSchema).openapi("InvoicePage");
export const CreditNotePage = pageOf(CreditNoteSchema).openapi("CreditNotePage");

const DocumentPageQuery = PageQuerySchema.extend({
  from: DateText.optional().openapi({ description: "issue date, inclusive" }),
  to: DateText.optional().openapi({ description: "issue date, inclusive" }),
});
export const InvoiceListQuery = DocumentPageQuery.extend({
  status: z.enum(["issued", "cancelled"]).optional(),
  customer: z.string().min(1).max(200).optional().openapi({ description: "part of the customer's name" }),
});
export const CreditNoteListQuery = DocumentPageQuery.extend({ invoiceId: IdSchema.optional() });

export const CancelBody = z.object({ reason: Text(500) }).openapi("CancelInvoice");

export const IssueCreditNoteBody = z
  .object({
    reason: Text(500),
    restock: z.boolean().optional().openapi({ description: "return the credited quantities to stock" }),
    lines: z
      .array(z.object({ lineNumber: z.number().int().min(1).max(500), quantity: QuantityText }))
      .min(1)
      .max(500)
      .optional()
      .openapi({ description: "absent: credit everything not yet credited" }),
  })
  .openapi("IssueCreditNote");

export const LiabilityQuery = z.object({ from: DateText, to: DateText });
export const LiabilityReportSchema = z
  .object({
    from: DateText,
    to: DateText,
    currency: z.string(),
    rows: z.array(
      z.object({
        code: z.string(),
        taxableBase: z.number().int(),
        tax: z.number().int(),
        invoiceCount: z.number().int(),
        creditNoteCount: z.number().int(),
        documentCount: z.number().int(),
      }),
    ),
    totals: z.object({ taxableBase: z.number().int(), tax: z.number().int() }),
  })
  .openapi("TaxLiabilityReport");
