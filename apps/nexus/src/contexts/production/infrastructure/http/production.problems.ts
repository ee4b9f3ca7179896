import { defineErrorCatalog, type ProblemSpec } from "@/shared/infrastructure/http/error-catalog";
import type { PlatformProblemCode } from "@/shared/infrastructure/http/problem-catalog";
import type { ProductionErrorCode } from "../../application/production.errors";

/**
 * The production context's error catalogue: the ONE place a code gets its status, title and
 * `/problems/<code>` page. Use-case codes that are platform codes (`validation-failed`, `not-found`,
 * `invalid-cursor`) take the platform's row. Leaving a ProductionErrorCode out (or adding a stray one)
 * fails to compile.
 */
export const productionErrors = defineErrorCatalog({
  "sku-taken": {
    status: 409,
    title: "SKU taken",
    description: "Another item of this organization already has this SKU. SKUs are unique per organization.",
  },
  "no-recipe": {
    status: 409,
    title: "No recipe",
    description: "The product has no recipe yet: define one with PUT /production/products/{id}/recipe first.",
  },
  "illegal-transition": {
    status: 409,
    title: "Illegal transition",
    description:
      "A production order moves planned → in_progress → completed, or planned/in_progress → cancelled. " +
      "`from` and `to` name the refused move.",
  },
  "insufficient-stock": {
    status: 409,
    title: "Insufficient stock",
    description:
      "Completing the order needs more of some ingredients than the lots not expired today (in the " +
      "organization's time zone) hold. `shortages` lists each one (required, available); nothing was consumed.",
  },
  "lot-below-zero": {
    status: 409,
    title: "Lot below zero",
    description: "A lot never goes below zero: the adjustment takes more than the lot holds (`available`).",
  },
} as const satisfies Record<Exclude<ProductionErrorCode, PlatformProblemCode>, ProblemSpec>);
