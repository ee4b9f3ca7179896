import type { DomainError } from "@/shared/domain/result";

export type { LotBelowZero } from "../domain/lot.entity";
export { type FieldError, invalid, type ValidationFailed } from "../domain/production.errors";
export type { IllegalTransition } from "../domain/production-order.entity";
export type { InsufficientStock, Shortage } from "../domain/stock-keeping.service";
export type { IdempotencyKeyReused } from "./keyed-request";

export type NotFound = DomainError<"not-found">;
export type SkuTaken = DomainError<"sku-taken">;
export type NoRecipe = DomainError<"no-recipe">;

export const notFound = (what: string): NotFound => ({ code: "not-found", message: `${what} not found` });
export const skuTaken = (sku: string): SkuTaken => ({
  code: "sku-taken",
  message: `another item of this organization already has the SKU "${sku}"`,
});
export const noRecipe = (): NoRecipe => ({
  code: "no-recipe",
  message: "the product has no recipe yet: PUT /production/products/{id}/recipe first",
});

/** Every code a production use case can answer; the HTTP edge maps each once (production-problems). */
export type ProductionErrorCode =
  | "validation-failed"
  | "not-found"
  | "sku-taken"
  | "no-recipe"
  | "illegal-transition"
  | "insufficient-stock"
  | "lot-below-zero"
  | "idempotency-key-reused";
