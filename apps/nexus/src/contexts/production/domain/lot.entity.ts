import { type Money, type Quantity, UnitCost } from "@/shared/domain/exact-arithmetic";
import { type DomainError, err, ok, type Result } from "@/shared/domain/result";
import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import type { Allergen } from "./allergen.value-object";
import { type CalendarDate, CalendarDate as Dates } from "./calendar-date.value-object";
import { displayText, positive } from "./item-fields";
import { type FieldError, invalid, type ValidationFailed } from "./production.errors";

export type ItemKind = "ingredient" | "product";
export type LotStatus = "available" | "expired" | "empty";

export interface LotProps {
  readonly id: Uuid;
  readonly organizationId: Uuid;
  readonly itemId: Uuid;
  readonly itemKind: ItemKind;
  readonly code: string;
  /** What the lot was received or produced with; with `totalCost` it fixes the exact unit cost. */
  readonly quantity: Quantity;
  readonly totalCost: Money;
  readonly remainingQuantity: Quantity;
  readonly remainingValue: Money;
  readonly expiresOn: CalendarDate | null;
  /** Received (ingredient lots) or produced (product lots). */
  readonly receivedAt: Timestamp;
  readonly supplier: string | null;
  /** Product lots: the order that made it, its recipe version and allergens at that time. */
  readonly orderId: Uuid | null;
  readonly recipeVersion: number | null;
  readonly allergens: readonly Allergen[];
}

/** A quantity leaving or entering a lot, with the exact value it carries. */
export interface LotDelta {
  readonly quantity: Quantity;
  readonly value: Money;
}

export type LotBelowZero = DomainError<"lot-below-zero"> & {
  readonly lotId: Uuid;
  readonly requested: string;
  readonly available: string;
};

/**
 * A lot of an ingredient or a product, costed exactly: the unit cost is the rational totalCost /
 * quantity, a partial take is valued at quantity × unit cost rounded half-to-even, and the take that
 * empties the lot carries exactly its remaining value, so a lot's value is always spent to the cent.
 */
export class Lot {
  private constructor(private props: LotProps) {}

  static receive(input: {
    organizationId: Uuid;
    ingredientId: Uuid;
    code: string;
    quantity: Quantity;
    totalCost: Money;
    expiresOn: CalendarDate | null;
    receivedAt: Timestamp;
    supplier: string | null;
  }): Result<Lot, ValidationFailed> {
    const errors: FieldError[] = [];
    positive(input.quantity, "/quantity", errors);
    if (input.totalCost.isNegative()) errors.push({ pointer: "/totalCost", message: "must not be negative" });
    const code = displayText(input.code, "/lotCode", 64, errors);
    if (errors.length > 0) return err(invalid(errors));
    return ok(
      new Lot({
        id: Uuid.generate(input.receivedAt.epochMs),
        organizationId: input.organizationId,
        itemId: input.ingredientId,
        itemKind: "ingredient",
        code,
        quantity: input.quantity,
        totalCost: input.totalCost,
        remainingQuantity: input.quantity,
        remainingValue: input.totalCost,
        expiresOn: input.expiresOn,
        receivedAt: input.receivedAt,
        supplier: input.supplier,
        orderId: null,
        recipeVersion: null,
        allergens: [],
      }),
    );
  }

  /** The product lot of a completed order, valued at exactly the order's cost. */
  static produce(input: {
    organizationId: Uuid;
    productId: Uuid;
    orderId: Uuid;
    recipeVersion: number;
    quantity: Quantity;
    cost: Money;
    producedAt: Timestamp;
    /** The organization's day at `producedAt` (its time zone): the code's date and the shelf life's start. */
    producedOn: CalendarDate;
    shelfLifeDays: number | null;
    allergens: readonly Allergen[];
  }): Lot {
    const { producedOn } = input;
    return new Lot({
      id: Uuid.generate(input.producedAt.epochMs),
      organizationId: input.organizationId,
      itemId: input.productId,
      itemKind: "product",
      // Readable and unique: production day plus the order id's random tail.
      code: `P${producedOn.replaceAll("-", "")}-${input.orderId.slice(-8).toUpperCase()}`,
      quantity: input.quantity,
      totalCost: input.cost,
      remainingQuantity: input.quantity,
      remainingValue: input.cost,
      expiresOn: input.shelfLifeDays === null ? null : Dates.addDays(producedOn, input.shelfLifeDays),
      receivedAt: input.producedAt,
      supplier: null,
      orderId: input.orderId,
      recipeVersion: input.recipeVersion,
      allergens: input.allergens,
    });
  }

  static restore(props: LotProps): Lot {
    return new Lot(props);
  }

  get id(): Uuid {
    return this.props.id;
  }
  get itemId(): Uuid {
    return this.props.itemId;
  }
  get remainingQuantity(): Quantity {
    return this.props.remainingQuantity;
  }
  get remainingValue(): Money {
    return this.props.remainingValue;
  }
  get expiresOn(): CalendarDate | null {
    return this.props.expiresOn;
  }
  get receivedAt(): Timestamp {
    return this.props.receivedAt;
  }
  get unitCost(): UnitCost {
    return UnitCost.of(this.props.totalCost, this.props.quantity);
  }
  toProps(): LotProps {
    return this.props;
  }

  /** A lot can be used on `day` while that day is not after its expiry date. */
  isExpiredOn(day: CalendarDate): boolean {
    return this.props.expiresOn !== null && this.props.expiresOn < day;
  }

  statusOn(day: CalendarDate): LotStatus {
    if (this.props.remainingQuantity.isZero()) return "empty";
    return this.isExpiredOn(day) ? "expired" : "available";
  }

  /** Takes `quantity` (> 0) out; never below zero, in quantity or in value. */
  take(quantity: Quantity): Result<LotDelta, LotBelowZero> {
    const { remainingQuantity, remainingValue } = this.props;
    if (!quantity.isPositive() || quantity.compare(remainingQuantity) > 0) {
      return err({
        code: "lot-below-zero",
        message: `lot ${this.props.code} holds ${remainingQuantity}, cannot take ${quantity}`,
        lotId: this.props.id,
        requested: quantity.toString(),
        available: remainingQuantity.toString(),
      });
    }
    // A take is a slice of the lot (ADR 0009): valueOf(taken so far + q) − valueOf(taken so far), so
    // the slices telescope to the total. Returns and surpluses can move the lot off that line; then the
    // piece is valued alone. Capped at what is left, and the take that empties the lot takes the rest.
    const before = this.props.quantity.subtract(remainingQuantity);
    const onTheLine = !before.isNegative() && before.add(quantity).compare(this.props.quantity) <= 0;
    const piece = onTheLine ? this.unitCost.valueOfSlice(before, quantity) : this.unitCost.valueOf(quantity);
    const value = quantity.equals(remainingQuantity) ? remainingValue : minMoney(piece, remainingValue);
    this.props = {
      ...this.props,
      remainingQuantity: remainingQuantity.subtract(quantity),
      remainingValue: remainingValue.subtract(value),
    };
    return ok({ quantity, value });
  }

  /** Puts back what a movement took (a reversal or a restock), with the value it left with. */
  putBack(delta: LotDelta): void {
    this.props = {
      ...this.props,
      remainingQuantity: this.props.remainingQuantity.add(delta.quantity),
      remainingValue: this.props.remainingValue.add(delta.value),
    };
  }

  /** A counted surplus, valued at the lot's unit cost. */
  addSurplus(quantity: Quantity): LotDelta {
    const delta = { quantity, value: this.unitCost.valueOf(quantity) };
    this.putBack(delta);
    return delta;
  }
}

const minMoney = (a: Money, b: Money): Money => (a.compare(b) <= 0 ? a : b);
