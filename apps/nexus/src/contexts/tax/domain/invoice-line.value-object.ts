import type { Money, Quantity } from "@/shared/domain/exact-arithmetic";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { LineAmounts } from "./line-amounts.value-object";

type Figures = Pick<LineAmounts, "net" | "tax">;

/** The product as it was when the document was issued (name, SKU and unit are snapshotted). */
export interface ProductSnapshot {
  readonly productId: Uuid;
  readonly productName: string;
  readonly sku: string;
  readonly unit: string;
}

/** A line of an invoice or a credit note; a credit note's `lineNumber` is the invoice line's. */
export interface DocumentLine extends ProductSnapshot {
  readonly lineNumber: number;
  readonly quantity: Quantity;
  readonly unitPrice: Money;
  readonly amounts: LineAmounts;
}

export const MAX_LINES = 500;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Figures travel as JSON numbers: anything beyond 2^53 - 1 minor units is refused, never truncated. */
export function fitsInJson(amounts: Figures): boolean {
  const gross = amounts.net.add(amounts.tax);
  return gross.minor <= MAX_SAFE && amounts.net.minor <= MAX_SAFE;
}
