import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { DomainError } from "@/shared/domain/result";
import { problemResponse } from "@/shared/infrastructure/http/problem";
import type { ProblemSpec } from "@/shared/infrastructure/http/problem-catalog";
import type { ProductionErrorCode } from "../../application/production.errors";

/** Production's own problem codes with their `/problems/<code>` pages. */
export const PRODUCTION_PROBLEM_TYPES = {
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
      "Completing the order needs more of some ingredients than the lots not expired today hold. " +
      "`shortages` lists each one (required, available); nothing was consumed.",
  },
  "lot-below-zero": {
    status: 409,
    title: "Lot below zero",
    description: "A lot never goes below zero: the adjustment takes more than the lot holds (`available`).",
  },
} as const satisfies Readonly<Record<string, ProblemSpec>>;

/** Every code a production use case answers → its status: the one mapping of the context. */
const STATUS: Readonly<Record<ProductionErrorCode | "invalid-cursor", ContentfulStatusCode>> = {
  "validation-failed": 422,
  "invalid-cursor": 422,
  "not-found": 404,
  ...Object.fromEntries(Object.entries(PRODUCTION_PROBLEM_TYPES).map(([code, info]) => [code, info.status])),
} as Record<ProductionErrorCode | "invalid-cursor", ContentfulStatusCode>;

/** A use case's error as problem+json: detail = its message, its other fields as extensions. */
export function productionProblem<R = Response>(
  c: Context,
  error: DomainError<ProductionErrorCode | "invalid-cursor">,
): R {
  const { code, message, ...extensions } = error;
  const title = (PRODUCTION_PROBLEM_TYPES as Readonly<Record<string, ProblemSpec>>)[code]?.title;
  return problemResponse<R>(c, {
    status: STATUS[code],
    code,
    ...(title ? { title } : {}),
    detail: message,
    extensions,
  });
}
