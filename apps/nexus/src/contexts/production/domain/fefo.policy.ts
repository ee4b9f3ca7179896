import { Quantity } from "@/shared/domain/exact-arithmetic";
import type { CalendarDate } from "./calendar-date.value-object";
import type { Lot } from "./lot.entity";

export interface Allocation {
  readonly lot: Lot;
  readonly quantity: Quantity;
}

export interface FefoPlan {
  readonly allocations: readonly Allocation[];
  /** What the usable lots hold in total. */
  readonly available: Quantity;
  /** What they could not cover (zero when the plan covers everything). */
  readonly shortfall: Quantity;
}

/** First-expiry-first-out: soonest expiry first, lots without expiry last, then oldest, then by id. */
export function fefoOrder(a: Lot, b: Lot): number {
  const ea = a.expiresOn;
  const eb = b.expiresOn;
  if (ea !== eb) {
    if (ea === null) return 1;
    if (eb === null) return -1;
    return ea < eb ? -1 : 1;
  }
  const received = a.receivedAt.epochMs - b.receivedAt.epochMs;
  if (received !== 0) return received;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Plans taking `required` from `lots` FEFO, skipping lots empty or expired on `day`. Mutates nothing. */
export function planFefo(lots: readonly Lot[], required: Quantity, day: CalendarDate): FefoPlan {
  const usable = lots.filter((lot) => lot.remainingQuantity.isPositive() && !lot.isExpiredOn(day)).sort(fefoOrder);
  const allocations: Allocation[] = [];
  let missing = required;
  let available = Quantity.ZERO;
  for (const lot of usable) {
    available = available.add(lot.remainingQuantity);
    if (!missing.isPositive()) continue;
    const quantity = missing.min(lot.remainingQuantity);
    allocations.push({ lot, quantity });
    missing = missing.subtract(quantity);
  }
  return { allocations, available, shortfall: missing.max(Quantity.ZERO) };
}
