import { defineErrorCatalog, type ProblemSpec } from "@/shared/infrastructure/http/error-catalog";
import type { PlatformProblemCode } from "@/shared/infrastructure/http/problem-catalog";
import type { TaxErrorCode } from "../../application/tax.errors";

/** The tax context's error catalogue: the one place a code gets its status, title and page text. */
export const taxErrors = defineErrorCatalog({
  "fiscal-identity-missing": {
    status: 422,
    title: "Fiscal identity missing",
    description: "Set the organization's fiscal identity (PUT /api/v1/tax/settings) before issuing the first invoice.",
  },
  "rate-period-overlap": {
    status: 409,
    title: "Rate period overlaps",
    description:
      "Another rate of this tax code already applies on some of these days: periods of one code never overlap.",
  },
  "unclassified-product": {
    status: 422,
    title: "Unclassified product",
    description:
      "Every product on an invoice needs a tax classification (PUT /api/v1/tax/classifications/{productId}).",
  },
  "no-tax-rate": {
    status: 422,
    title: "No tax rate",
    description:
      "None of the product's tax codes has a rate valid on the issue date. Add a rate (a 0 bp rate for exempt goods).",
  },
  "unknown-product": {
    status: 422,
    title: "Unknown product",
    description: "An invoice line names a product that does not exist in this organization.",
  },
  "amount-too-large": {
    status: 422,
    title: "Amount too large",
    description: "The invoice's amounts exceed what JSON numbers carry exactly (2^53 - 1 minor units).",
  },
  "issue-date-out-of-order": {
    status: 422,
    title: "Issue date out of order",
    description: "Document numbers follow issue dates: an invoice cannot be dated before the last one of its series.",
  },
  "issue-date-in-future": {
    status: 422,
    title: "Issue date in the future",
    description: "An invoice is dated today or earlier (in the organization's time zone).",
  },
  "invoice-already-cancelled": {
    status: 409,
    title: "Invoice already cancelled",
    description: "The invoice was cancelled already.",
  },
  "cancel-window-closed": {
    status: 409,
    title: "Cancel window closed",
    description: "An invoice can be cancelled only on its issue day; afterwards issue a credit note.",
  },
  "invoice-has-credit-notes": {
    status: 409,
    title: "Invoice has credit notes",
    description: "An invoice with credit notes cannot be cancelled.",
  },
  "invoice-cancelled": {
    status: 409,
    title: "Invoice cancelled",
    description: "A cancelled invoice cannot be credited.",
  },
  "nothing-to-credit": {
    status: 409,
    title: "Nothing to credit",
    description: "Every line of the invoice is fully credited already.",
  },
  "unknown-invoice-line": {
    status: 422,
    title: "Unknown invoice line",
    description: "A credit-note line names a line number the invoice does not have.",
  },
  "credit-exceeds-invoiced": {
    status: 409,
    title: "Credit exceeds invoiced",
    description: "A credit note never credits more than was invoiced on a line, counting earlier credit notes.",
  },
} as const satisfies Record<Exclude<TaxErrorCode, PlatformProblemCode>, ProblemSpec>);
