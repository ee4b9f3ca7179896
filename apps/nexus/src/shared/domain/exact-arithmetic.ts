import { type DomainError, err, ok, type Result } from "./result";

/*
 * Exact quantities and money for every context (spec §2, §3; ADR 0010). Everything is a bigint:
 * quantities in thousandths, money in minor units, and every division rounds half-to-even once,
 * at the end, so production, tax and bi get the same figures to the last minor unit.
 */

/** numerator / denominator rounded to the nearest integer, ties to the even one (any signs). */
export function roundHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("roundHalfEven: division by zero");
  const [n, d] = denominator < 0n ? [-numerator, -denominator] : [numerator, denominator];
  let floor = n / d;
  let remainder = n % d;
  if (remainder < 0n) {
    // bigint division truncates towards zero; move to the floor so 0 <= remainder < d
    floor -= 1n;
    remainder += d;
  }
  const twice = remainder * 2n;
  if (twice > d || (twice === d && floor % 2n !== 0n)) return floor + 1n;
  return floor;
}

export type QuantityError = DomainError<"invalid-quantity">;

// Deliberately strict: no exponent, no "+", no whitespace, no ".5" or "1." (ADR 0010).
const QUANTITY = /^(-?)(\d{1,12})(?:\.(\d{1,3}))?$/;
const MILLI_PER_UNIT = 1000n;

/** An exact decimal with at most 3 fraction digits, stored as bigint thousandths. */
export class Quantity {
  static readonly ZERO = new Quantity(0n);

  private constructor(readonly milli: bigint) {}

  static parse(text: string): Result<Quantity, QuantityError> {
    const match = typeof text === "string" ? QUANTITY.exec(text) : null;
    if (!match) {
      const shown = String(text).slice(0, 64);
      return err({
        code: "invalid-quantity",
        message: `"${shown}" is not a decimal quantity (at most 12 integer and 3 fraction digits, e.g. "12.5")`,
      });
    }
    const [, sign = "", units = "0", fraction = ""] = match;
    const magnitude = BigInt(units) * MILLI_PER_UNIT + BigInt(fraction.padEnd(3, "0"));
    return ok(new Quantity(sign === "-" ? -magnitude : magnitude));
  }

  static fromMilli(milli: bigint): Quantity {
    return new Quantity(milli);
  }

  add(other: Quantity): Quantity {
    return new Quantity(this.milli + other.milli);
  }

  subtract(other: Quantity): Quantity {
    return new Quantity(this.milli - other.milli);
  }

  negate(): Quantity {
    return new Quantity(-this.milli);
  }

  abs(): Quantity {
    return this.milli < 0n ? this.negate() : this;
  }

  /** this × numerator / denominator, half-to-even to 3 decimals (recipe scaling). */
  scale(numerator: Quantity, denominator: Quantity): Quantity {
    if (denominator.isZero()) throw new RangeError("Quantity.scale: zero denominator");
    // (a/1000)(b/1000)/(c/1000) units = a·b/c thousandths
    return new Quantity(roundHalfEven(this.milli * numerator.milli, denominator.milli));
  }

  compare(other: Quantity): -1 | 0 | 1 {
    return sign(this.milli - other.milli);
  }

  equals(other: Quantity): boolean {
    return this.milli === other.milli;
  }

  isZero(): boolean {
    return this.milli === 0n;
  }

  isPositive(): boolean {
    return this.milli > 0n;
  }

  isNegative(): boolean {
    return this.milli < 0n;
  }

  min(other: Quantity): Quantity {
    return this.compare(other) <= 0 ? this : other;
  }

  max(other: Quantity): Quantity {
    return this.compare(other) >= 0 ? this : other;
  }

  /** Canonical: "12.5", "0.125", "3", "-0.5"; never "12.500" or "-0". */
  toString(): string {
    const magnitude = this.milli < 0n ? -this.milli : this.milli;
    const units = (magnitude / MILLI_PER_UNIT).toString();
    const fraction = (magnitude % MILLI_PER_UNIT).toString().padStart(3, "0").replace(/0+$/, "");
    return `${this.milli < 0n ? "-" : ""}${units}${fraction ? `.${fraction}` : ""}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

/** An amount in integer minor units of the organization's currency. */
export class Money {
  static readonly ZERO = new Money(0n);

  private constructor(readonly minor: bigint) {}

  /** Throws on a fraction, NaN, ±Infinity or a number beyond 2^53 - 1: those are bugs, not input. */
  static ofMinor(n: number | bigint): Money {
    if (typeof n === "bigint") return new Money(n);
    if (!Number.isSafeInteger(n)) throw new RangeError(`Money.ofMinor: ${n} is not a safe integer`);
    return new Money(BigInt(n));
  }

  static sum(list: Iterable<Money>): Money {
    let total = 0n;
    for (const money of list) total += money.minor;
    return new Money(total);
  }

  add(other: Money): Money {
    return new Money(this.minor + other.minor);
  }

  subtract(other: Money): Money {
    return new Money(this.minor - other.minor);
  }

  negate(): Money {
    return new Money(-this.minor);
  }

  compare(other: Money): -1 | 0 | 1 {
    return sign(this.minor - other.minor);
  }

  equals(other: Money): boolean {
    return this.minor === other.minor;
  }

  isZero(): boolean {
    return this.minor === 0n;
  }

  isNegative(): boolean {
    return this.minor < 0n;
  }

  /** JSON and the database carry plain numbers; beyond 2^53 - 1 they would silently lose units. */
  toNumber(): number {
    if (this.minor > MAX_SAFE || this.minor < -MAX_SAFE) {
      throw new RangeError(`Money ${this.minor} is beyond Number.MAX_SAFE_INTEGER`);
    }
    return Number(this.minor);
  }

  toJSON(): number {
    return this.toNumber();
  }

  toString(): string {
    return this.minor.toString();
  }
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The exact rational cost per unit of a lot, kept as total / quantity and never rounded itself:
 * only the value of a taken quantity is rounded, so the whole lot is worth its total exactly.
 */
export class UnitCost {
  private constructor(
    readonly total: Money,
    readonly quantity: Quantity,
  ) {}

  static of(total: Money, quantity: Quantity): UnitCost {
    if (!quantity.isPositive()) throw new RangeError(`UnitCost.of: quantity ${quantity} is not positive`);
    return new UnitCost(total, quantity);
  }

  /** total × q / quantity, half-to-even; valueOf(quantity) is the total. */
  valueOf(q: Quantity): Money {
    return Money.ofMinor(roundHalfEven(this.total.minor * q.milli, this.quantity.milli));
  }

  /**
   * The cost of taking `taken` after `consumedBefore` was already taken from the lot:
   * valueOf(before + taken) - valueOf(before). The slices of a lot telescope to its total exactly,
   * are never negative for a non-negative total, and the slice that empties the lot takes the rest.
   */
  valueOfSlice(consumedBefore: Quantity, taken: Quantity): Money {
    return this.valueOf(consumedBefore.add(taken)).subtract(this.valueOf(consumedBefore));
  }

  /** Minor units per unit as a decimal string, half-to-even to `digits` places; display only. */
  toMinorPerUnit(digits = 4): string {
    if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
      throw new RangeError(`UnitCost.toMinorPerUnit: digits ${digits} not in 0..20`);
    }
    const scale = 10n ** BigInt(digits);
    const scaled = roundHalfEven(this.total.minor * MILLI_PER_UNIT * scale, this.quantity.milli);
    const magnitude = scaled < 0n ? -scaled : scaled;
    const units = (magnitude / scale).toString();
    const fraction = digits > 0 ? `.${(magnitude % scale).toString().padStart(digits, "0")}` : "";
    return `${scaled < 0n ? "-" : ""}${units}${fraction}`;
  }

  toString(): string {
    return `${this.total}/${this.quantity}`;
  }
}

/** quantity × unitPrice, half-to-even to a minor unit (one invoice or order line). */
export function lineAmount(quantity: Quantity, unitPrice: Money): Money {
  return Money.ofMinor(roundHalfEven(quantity.milli * unitPrice.minor, MILLI_PER_UNIT));
}

/** amount × basisPoints / 10000, half-to-even (a tax or discount rate; 1 bp = 0.01 %). */
export function percentOf(amount: Money, basisPoints: number): Money {
  if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > 10_000) {
    throw new RangeError(`percentOf: ${basisPoints} basis points not an integer in 0..10000`);
  }
  return Money.ofMinor(roundHalfEven(amount.minor * BigInt(basisPoints), 10_000n));
}

function sign(difference: bigint): -1 | 0 | 1 {
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}
