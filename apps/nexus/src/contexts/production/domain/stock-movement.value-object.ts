import type { Money, Quantity } from "@/shared/domain/exact-arithmetic";
import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { ItemKind } from "./lot.entity";

export const MOVEMENT_KINDS = ["receipt", "consumption", "output", "sale", "sale-reversal", "adjustment"] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export const ADJUSTMENT_REASONS = ["count", "waste", "damage", "expired"] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

/** The business document a movement came from. */
export interface DocumentRef {
  readonly type: "receipt" | "order" | "adjustment" | "invoice" | "credit-note";
  readonly id: Uuid;
  /** The invoice line, for sales and their reversals. */
  readonly lineNumber: number | null;
}

/** What a movement will be before the ledger numbers it and computes its running balance. */
export interface MovementDraft {
  readonly kind: MovementKind;
  /** null only for a sale's unallocated shortfall (and its reversal). */
  readonly lotId: Uuid | null;
  /** Signed: in > 0, out < 0; `value` has the same sign. */
  readonly quantity: Quantity;
  readonly value: Money;
  readonly document: DocumentRef;
  readonly reversesMovementId?: Uuid | null;
  readonly reason?: AdjustmentReason | null;
  readonly note?: string | null;
}

/** One append-only row of the stock ledger, with the item's balance after it. */
export interface StockMovement extends Required<MovementDraft> {
  readonly id: Uuid;
  readonly organizationId: Uuid;
  readonly itemId: Uuid;
  readonly itemKind: ItemKind;
  /** 1, 2, 3… per item: the ledger's order for running balances. */
  readonly sequence: number;
  readonly balanceQuantity: Quantity;
  readonly balanceValue: Money;
  readonly occurredAt: Timestamp;
}
