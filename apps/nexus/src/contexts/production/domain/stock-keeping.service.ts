import { Money, type Quantity, UnitCost } from "@/shared/domain/exact-arithmetic";
import { type DomainError, err, ok, type Result } from "@/shared/domain/result";
import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { CalendarDate } from "./calendar-date.value-object";
import { planFefo } from "./fefo.policy";
import type { Lot, LotBelowZero, LotDelta } from "./lot.entity";
import type { StockItem } from "./stock-item.entity";
import type { AdjustmentReason, DocumentRef, MovementKind, StockMovement } from "./stock-movement.value-object";

/** An item with the lots a use case has locked for it. */
export interface ItemStock {
  readonly item: StockItem;
  readonly lots: readonly Lot[];
}

export interface Shortage {
  readonly ingredientId: Uuid;
  readonly required: string;
  readonly available: string;
}

export type InsufficientStock = DomainError<"insufficient-stock"> & { readonly shortages: readonly Shortage[] };

export interface LotTake {
  readonly lotId: Uuid;
  readonly quantity: Quantity;
  readonly cost: Money;
}

/** A receipt's new lot enters the ledger with its whole quantity and cost. */
export function receiveLot(item: StockItem, lot: Lot, at: Timestamp): StockMovement {
  const { quantity, totalCost } = lot.toProps();
  const document: DocumentRef = { type: "receipt", id: lot.id, lineNumber: null };
  return item.record({ kind: "receipt", lotId: lot.id, quantity, value: totalCost, document }, at);
}

/** A completed order's product lot enters the ledger valued at the order's cost. */
export function recordOutput(item: StockItem, lot: Lot, orderId: Uuid, at: Timestamp): StockMovement {
  const { quantity, totalCost } = lot.toProps();
  const document: DocumentRef = { type: "order", id: orderId, lineNumber: null };
  return item.record({ kind: "output", lotId: lot.id, quantity, value: totalCost, document }, at);
}

function takeFrom(
  item: StockItem,
  lot: Lot,
  quantity: Quantity,
  kind: MovementKind,
  document: DocumentRef,
  at: Timestamp,
) {
  const taken = lot.take(quantity);
  // FEFO plans never ask a lot for more than it holds: a failure here is a bug, not a user error.
  if (!taken.ok) throw new Error(taken.error.message);
  const movement = item.record(
    { kind, lotId: lot.id, quantity: quantity.negate(), value: taken.value.value.negate(), document },
    at,
  );
  return { movement, take: { lotId: lot.id, quantity, cost: taken.value.value } };
}

/**
 * Consumes every requirement FEFO over lots not expired on `day`, or nothing at all: when any
 * ingredient is short, the result lists every shortage and no lot or item has been touched.
 */
export function consumeForOrder(
  requirements: readonly { ingredientId: Uuid; quantity: Quantity }[],
  stock: ReadonlyMap<Uuid, ItemStock>,
  day: CalendarDate,
  orderId: Uuid,
  at: Timestamp,
): Result<{ movements: StockMovement[]; cost: Money }, InsufficientStock> {
  const plans = requirements.map((r) => ({
    r,
    plan: planFefo(stock.get(r.ingredientId)?.lots ?? [], r.quantity, day),
  }));
  const shortages = plans
    .filter(({ plan }) => plan.shortfall.isPositive())
    .map(({ r, plan }) => ({
      ingredientId: r.ingredientId,
      required: r.quantity.toString(),
      available: plan.available.toString(),
    }));
  if (shortages.length > 0) {
    return err({ code: "insufficient-stock", message: "not enough stock to complete the order", shortages });
  }
  const document: DocumentRef = { type: "order", id: orderId, lineNumber: null };
  const movements: StockMovement[] = [];
  for (const { r, plan } of plans) {
    const entry = stock.get(r.ingredientId);
    if (!entry) continue; // only a zero requirement can lack stock here
    for (const a of plan.allocations)
      movements.push(takeFrom(entry.item, a.lot, a.quantity, "consumption", document, at).movement);
  }
  const cost = Money.sum(movements.map((m) => m.value.negate()));
  return ok({ movements, cost });
}

export interface Shipment {
  readonly movements: readonly StockMovement[];
  readonly cost: Money;
  readonly lots: readonly LotTake[];
  readonly shortfallQuantity: Quantity;
  readonly shortfallCost: Money;
}

/**
 * A sale never fails: FEFO over usable lots, and whatever they cannot cover is an unallocated
 * shortfall valued at the average unit cost of what was on hand (else `fallbackCost`, else zero).
 */
export function shipFefo(
  stock: ItemStock,
  quantity: Quantity,
  day: CalendarDate,
  document: DocumentRef,
  at: Timestamp,
  fallbackCost: UnitCost | null,
): Shipment {
  const average = stock.item.averageUnitCost() ?? fallbackCost;
  const plan = planFefo(stock.lots, quantity, day);
  const movements: StockMovement[] = [];
  const lots: LotTake[] = [];
  for (const a of plan.allocations) {
    const { movement, take } = takeFrom(stock.item, a.lot, a.quantity, "sale", document, at);
    movements.push(movement);
    lots.push(take);
  }
  let shortfallCost = Money.ZERO;
  if (plan.shortfall.isPositive()) {
    shortfallCost = average?.valueOf(plan.shortfall) ?? Money.ZERO;
    const draft = {
      kind: "sale" as const,
      lotId: null,
      quantity: plan.shortfall.negate(),
      value: shortfallCost.negate(),
      document,
    };
    movements.push(stock.item.record(draft, at));
  }
  const cost = Money.sum(movements.map((m) => m.value.negate()));
  return { movements, cost, lots, shortfallQuantity: plan.shortfall, shortfallCost };
}

/** How much of an outgoing movement earlier reversals already brought back (positive). */
export interface Returned {
  readonly quantity: Quantity;
  readonly value: Money;
}

/**
 * Brings back `quantity` (all that is left when null) of an outgoing movement to the lot it left,
 * at the value it left with: proportionally for a part, exactly the rest for the last part.
 */
export function reverseMovement(
  stock: { item: StockItem; lot: Lot | null },
  original: StockMovement,
  returned: Returned,
  quantity: Quantity | null,
  document: DocumentRef,
  at: Timestamp,
): StockMovement | null {
  const outQuantity = original.quantity.negate();
  const outValue = original.value.negate();
  const restQuantity = outQuantity.subtract(returned.quantity);
  const restValue = outValue.subtract(returned.value);
  const wanted = quantity === null ? restQuantity : quantity.min(restQuantity);
  if (!wanted.isPositive()) return null;
  const value = wanted.equals(restQuantity)
    ? restValue
    : minMoney(UnitCost.of(outValue, outQuantity).valueOf(wanted), restValue);
  const delta: LotDelta = { quantity: wanted, value };
  stock.lot?.putBack(delta);
  return stock.item.record(
    { kind: "sale-reversal", lotId: original.lotId, ...delta, document, reversesMovementId: original.id },
    at,
  );
}

/** A signed correction of one lot (count, waste, damage, expired); never below zero. */
export function adjustLot(
  stock: { item: StockItem; lot: Lot },
  change: Quantity,
  reason: AdjustmentReason,
  note: string | null,
  adjustmentId: Uuid,
  at: Timestamp,
): Result<StockMovement, LotBelowZero> {
  let delta: LotDelta;
  if (change.isPositive()) delta = stock.lot.addSurplus(change);
  else {
    const taken = stock.lot.take(change.negate());
    if (!taken.ok) return taken;
    delta = { quantity: change, value: taken.value.value.negate() };
  }
  const document: DocumentRef = { type: "adjustment", id: adjustmentId, lineNumber: null };
  return ok(stock.item.record({ kind: "adjustment", lotId: stock.lot.id, ...delta, document, reason, note }, at));
}

const minMoney = (a: Money, b: Money): Money => (a.compare(b) <= 0 ? a : b);
