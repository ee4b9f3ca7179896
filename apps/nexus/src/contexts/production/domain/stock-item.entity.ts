import { Money, Quantity, UnitCost } from "@/shared/domain/exact-arithmetic";
import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import type { ItemKind } from "./lot.entity";
import type { MovementDraft, StockMovement } from "./stock-movement.value-object";

export interface StockItemProps {
  readonly organizationId: Uuid;
  readonly itemId: Uuid;
  readonly itemKind: ItemKind;
  /** On hand: the sum of the item's lots. */
  readonly quantity: Quantity;
  readonly value: Money;
  /** Sold beyond what was on hand (unallocated), valued at average cost; positive. */
  readonly shortfallQuantity: Quantity;
  readonly shortfallValue: Money;
  readonly lastSequence: number;
}

/**
 * An item's stock and the head of its ledger. Every change goes through `record`, so the balance
 * after each movement is the sum of all movements so far: on hand minus the unallocated shortfall.
 */
export class StockItem {
  private constructor(private props: StockItemProps) {}

  static open(organizationId: Uuid, itemId: Uuid, itemKind: ItemKind): StockItem {
    return new StockItem({
      organizationId,
      itemId,
      itemKind,
      quantity: Quantity.ZERO,
      value: Money.ZERO,
      shortfallQuantity: Quantity.ZERO,
      shortfallValue: Money.ZERO,
      lastSequence: 0,
    });
  }

  static restore(props: StockItemProps): StockItem {
    return new StockItem(props);
  }

  toProps(): StockItemProps {
    return this.props;
  }
  get itemId(): Uuid {
    return this.props.itemId;
  }
  get balanceQuantity(): Quantity {
    return this.props.quantity.subtract(this.props.shortfallQuantity);
  }
  get balanceValue(): Money {
    return this.props.value.subtract(this.props.shortfallValue);
  }

  /** Value of what is on hand divided by its quantity; null when nothing is. */
  averageUnitCost(): UnitCost | null {
    return this.props.quantity.isPositive() ? UnitCost.of(this.props.value, this.props.quantity) : null;
  }

  record(draft: MovementDraft, at: Timestamp): StockMovement {
    const p = this.props;
    const onLot = draft.lotId !== null;
    this.props = {
      ...p,
      quantity: onLot ? p.quantity.add(draft.quantity) : p.quantity,
      value: onLot ? p.value.add(draft.value) : p.value,
      // A shortfall sale (negative) grows the shortfall; its reversal (positive) shrinks it.
      shortfallQuantity: onLot ? p.shortfallQuantity : p.shortfallQuantity.subtract(draft.quantity),
      shortfallValue: onLot ? p.shortfallValue : p.shortfallValue.subtract(draft.value),
      lastSequence: p.lastSequence + 1,
    };
    return {
      reversesMovementId: null,
      reason: null,
      note: null,
      ...draft,
      id: Uuid.generate(at.epochMs),
      organizationId: p.organizationId,
      itemId: p.itemId,
      itemKind: p.itemKind,
      sequence: this.props.lastSequence,
      balanceQuantity: this.balanceQuantity,
      balanceValue: this.balanceValue,
      occurredAt: at,
    };
  }
}
