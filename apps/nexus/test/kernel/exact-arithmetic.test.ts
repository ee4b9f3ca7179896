import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineAmount, Money, percentOf, Quantity, roundHalfEven, UnitCost } from "@/shared/domain/exact-arithmetic";
import { unwrap } from "@/shared/domain/result";

const q = (text: string): Quantity => unwrap(Quantity.parse(text));
const m = (minor: number): Money => Money.ofMinor(minor);

/**
 * Independent reference: r is the half-to-even quotient of n / d exactly when it is within half a
 * unit of n / d, i.e. |n - r·d| · 2 <= |d|, and on a tie (equality) r is even.
 */
function isHalfEvenQuotient(r: bigint, n: bigint, d: bigint): boolean {
  const error = n - r * d;
  const twiceError = (error < 0n ? -error : error) * 2n;
  const absD = d < 0n ? -d : d;
  return twiceError < absD || (twiceError === absD && r % 2n === 0n);
}

const BIG = 10n ** 30n;
const anyBigint = fc.bigInt({ min: -BIG, max: BIG });
const nonZero = anyBigint.filter((d) => d !== 0n);
const MAX_MILLI = 10n ** 15n - 1n; // 12 integer digits, 3 fraction digits
const anyQuantity = fc.bigInt({ min: -MAX_MILLI, max: MAX_MILLI }).map(Quantity.fromMilli);
const positiveQuantity = fc.bigInt({ min: 1n, max: MAX_MILLI }).map(Quantity.fromMilli);
const anyMoney = fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }).map(Money.ofMinor);
const validQuantityText = fc
  .tuple(fc.boolean(), fc.stringMatching(/^\d{1,12}$/), fc.option(fc.stringMatching(/^\d{1,3}$/)))
  .map(([negative, units, fraction]) => `${negative ? "-" : ""}${units}${fraction === null ? "" : `.${fraction}`}`);
const QUANTITY_SYNTAX = /^-?\d{1,12}(\.\d{1,3})?$/;
const CANONICAL = /^(0|-?[1-9]\d*|-?0\.\d*[1-9]|-?[1-9]\d*\.\d*[1-9])$/;

describe("roundHalfEven", () => {
  it.each([
    [5n, 2n, 2n],
    [7n, 2n, 4n],
    [-5n, 2n, -2n],
    [-7n, 2n, -4n],
    [1n, 3n, 0n],
    [2n, 3n, 1n],
    [-2n, 3n, -1n],
    [5n, -2n, -2n],
    [-5n, -2n, 2n],
    [25n, 10n, 2n],
    [35n, 10n, 4n],
    [26n, 10n, 3n],
    [0n, 7n, 0n],
  ])("%i / %i = %i", (n, d, expected) => {
    expect(roundHalfEven(n, d)).toBe(expected);
  });

  it("refuses a zero denominator", () => {
    expect(() => roundHalfEven(1n, 0n)).toThrow(RangeError);
  });

  it("is the nearest integer, ties to even, for any signs", () => {
    fc.assert(fc.property(anyBigint, nonZero, (n, d) => isHalfEvenQuotient(roundHalfEven(n, d), n, d)));
  });

  it("sends every exact tie (k + 1/2) to the even neighbour", () => {
    fc.assert(
      fc.property(anyBigint, (k) => {
        const r = roundHalfEven(2n * k + 1n, 2n);
        return r % 2n === 0n && (r === k || r === k + 1n);
      }),
    );
  });

  it("is symmetric in the sign of numerator and denominator", () => {
    fc.assert(
      fc.property(anyBigint, nonZero, (n, d) => {
        const r = roundHalfEven(n, d);
        return roundHalfEven(-n, d) === -r && roundHalfEven(n, -d) === -r && roundHalfEven(-n, -d) === r;
      }),
    );
  });

  it("is exact when the division is", () => {
    fc.assert(fc.property(anyBigint, nonZero, (k, d) => roundHalfEven(k * d, d) === k));
  });
});

describe("Quantity", () => {
  it("parses and renders canonically", () => {
    expect(q("12.500").toString()).toBe("12.5");
    expect(q("0.125").toString()).toBe("0.125");
    expect(q("003").toString()).toBe("3");
    expect(q("-0.5").toString()).toBe("-0.5");
    expect(q("-0").toString()).toBe("0");
    expect(q("-0.000").toString()).toBe("0");
    expect(q("999999999999.999").milli).toBe(999_999_999_999_999n);
    expect(JSON.stringify({ quantity: q("1.250") })).toBe('{"quantity":"1.25"}');
  });

  it.each([
    "1e3",
    "1.2345",
    " 1",
    "1 ",
    "+1",
    "",
    "NaN",
    "Infinity",
    "1.",
    ".5",
    "-.5",
    "-",
    "--1",
    "1,5",
    "0x10",
    "1_000",
    "1234567890123",
    "١",
  ])("rejects %j", (text) => {
    const result = Quantity.parse(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("invalid-quantity");
  });

  it("rejects every string outside the syntax", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."0123456789.-+eE ,"), maxLength: 20 }),
        (text) => Quantity.parse(text).ok === QUANTITY_SYNTAX.test(text),
      ),
    );
  });

  it("accepts every valid string with its exact value and round-trips through the canonical form", () => {
    fc.assert(
      fc.property(validQuantityText, (text) => {
        const parsed = q(text);
        const [whole = "", fraction = ""] = text.replace("-", "").split(".");
        const magnitude = BigInt(whole) * 1000n + BigInt(fraction.padEnd(3, "0"));
        const canonical = parsed.toString();
        return (
          parsed.milli === (text.startsWith("-") ? -magnitude : magnitude) &&
          CANONICAL.test(canonical) &&
          q(canonical).equals(parsed) &&
          q(canonical).toString() === canonical
        );
      }),
    );
  });

  it("renders every value in range to a string that parses back to it", () => {
    fc.assert(fc.property(anyQuantity, (x) => q(x.toString()).milli === x.milli && CANONICAL.test(x.toString())));
  });

  it("adds and subtracts exactly: commutative, associative, inverse", () => {
    fc.assert(
      fc.property(anyQuantity, anyQuantity, anyQuantity, (a, b, c) => {
        expect(a.add(b).milli).toBe(a.milli + b.milli);
        expect(a.add(b).equals(b.add(a))).toBe(true);
        expect(
          a
            .add(b)
            .add(c)
            .equals(a.add(b.add(c))),
        ).toBe(true);
        expect(a.add(b).subtract(b).equals(a)).toBe(true);
        expect(a.subtract(b).equals(b.subtract(a).negate())).toBe(true);
        expect(a.subtract(a).isZero()).toBe(true);
      }),
    );
    expect(q("0.1").add(q("0.2")).equals(q("0.3"))).toBe(true);
  });

  it("compares, bounds and signs consistently with the exact value", () => {
    fc.assert(
      fc.property(anyQuantity, anyQuantity, (a, b) => {
        const expected = a.milli < b.milli ? -1 : a.milli > b.milli ? 1 : 0;
        expect(a.compare(b)).toBe(expected);
        expect(a.min(b).milli).toBe(expected <= 0 ? a.milli : b.milli);
        expect(a.max(b).milli).toBe(expected >= 0 ? a.milli : b.milli);
        expect(a.abs().milli).toBe(a.milli < 0n ? -a.milli : a.milli);
        expect(a.negate().negate().equals(a)).toBe(true);
        expect([a.isNegative(), a.isZero(), a.isPositive()].filter(Boolean)).toHaveLength(1);
      }),
    );
    expect(Quantity.ZERO.isZero()).toBe(true);
  });

  it("scales a recipe half-to-even to 3 decimals", () => {
    expect(q("2.5").scale(q("3"), q("10")).toString()).toBe("0.75");
    expect(q("1").scale(q("1"), q("3")).toString()).toBe("0.333");
    expect(q("0.001").scale(q("1"), q("2")).toString()).toBe("0"); // 0.0005 → 0.000 (even)
    expect(q("0.003").scale(q("1"), q("2")).toString()).toBe("0.002"); // 0.0015 → 0.002 (even)
    expect(() => q("1").scale(q("1"), Quantity.ZERO)).toThrow(RangeError);
    fc.assert(
      fc.property(anyQuantity, anyQuantity, positiveQuantity, (x, num, den) => {
        const scaled = x.scale(num, den);
        return isHalfEvenQuotient(scaled.milli, x.milli * num.milli, den.milli) && x.scale(den, den).equals(x);
      }),
    );
  });
});

describe("Money", () => {
  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 53, -(2 ** 53), 1e300])(
    "ofMinor rejects %d",
    (n) => {
      expect(() => Money.ofMinor(n)).toThrow(RangeError);
    },
  );

  it("ofMinor takes safe integers and any bigint", () => {
    expect(Money.ofMinor(Number.MAX_SAFE_INTEGER).minor).toBe(9_007_199_254_740_991n);
    expect(Money.ofMinor(-42).minor).toBe(-42n);
    expect(Money.ofMinor(10n ** 20n).minor).toBe(10n ** 20n);
  });

  it("toNumber and JSON refuse what a number cannot hold exactly", () => {
    expect(m(-1234).toNumber()).toBe(-1234);
    expect(JSON.stringify({ amount: m(1999) })).toBe('{"amount":1999}');
    expect(() => Money.ofMinor(2n ** 53n).toNumber()).toThrow(RangeError);
    expect(() => Money.ofMinor(-(2n ** 53n)).toJSON()).toThrow(RangeError);
  });

  it("sums, adds and compares exactly", () => {
    expect(Money.sum([]).equals(Money.ZERO)).toBe(true);
    fc.assert(
      fc.property(fc.array(anyMoney), anyMoney, anyMoney, (list, a, b) => {
        expect(Money.sum(list).minor).toBe(list.reduce((acc, x) => acc + x.minor, 0n));
        expect(a.add(b).equals(b.add(a))).toBe(true);
        expect(a.add(b).subtract(b).equals(a)).toBe(true);
        expect(a.negate().add(a).isZero()).toBe(true);
        expect(a.compare(b)).toBe(a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0);
        expect(a.isNegative()).toBe(a.minor < 0n);
      }),
    );
  });
});

describe("UnitCost", () => {
  const lotTotal = fc.bigInt({ min: 0n, max: 10n ** 14n }).map(Money.ofMinor);

  it("needs a positive quantity", () => {
    expect(() => UnitCost.of(m(100), Quantity.ZERO)).toThrow(RangeError);
    expect(() => UnitCost.of(m(100), q("-1"))).toThrow(RangeError);
  });

  it("values the whole lot at its total and a part half-to-even", () => {
    const cost = UnitCost.of(m(1000), q("3"));
    expect(cost.valueOf(q("1")).minor).toBe(333n);
    expect(cost.valueOf(q("2")).minor).toBe(667n);
    expect(UnitCost.of(m(5), q("2")).valueOf(q("1")).minor).toBe(2n); // 2.5 → 2
    expect(UnitCost.of(m(7), q("2")).valueOf(q("1")).minor).toBe(4n); // 3.5 → 4
    fc.assert(
      fc.property(lotTotal, positiveQuantity, (total, quantity) => {
        const cost = UnitCost.of(total, quantity);
        return cost.valueOf(quantity).equals(total) && cost.valueOf(Quantity.ZERO).isZero();
      }),
    );
  });

  it("is monotone in the quantity taken", () => {
    fc.assert(
      fc.property(lotTotal, positiveQuantity, fc.bigInt({ min: 0n, max: MAX_MILLI }), (total, quantity, a) => {
        const cost = UnitCost.of(total, quantity);
        const smaller = Quantity.fromMilli(a % (quantity.milli + 1n));
        const larger = smaller.add(Quantity.fromMilli((a * 7n) % (quantity.milli - smaller.milli + 1n)));
        return cost.valueOf(smaller).compare(cost.valueOf(larger)) <= 0;
      }),
    );
  });

  it("splits a lot into any consumptions whose values sum to the total; the emptying one takes the rest", () => {
    fc.assert(
      fc.property(
        lotTotal,
        positiveQuantity,
        fc.array(fc.bigInt({ min: 1n, max: MAX_MILLI }), { maxLength: 30 }),
        (total, quantity, draws) => {
          const cost = UnitCost.of(total, quantity);
          let consumed = Quantity.ZERO;
          const slices: Money[] = [];
          for (const draw of draws) {
            const remaining = quantity.subtract(consumed);
            if (remaining.isZero()) break;
            const taken = Quantity.fromMilli(1n + (draw % remaining.milli));
            slices.push(cost.valueOfSlice(consumed, taken));
            consumed = consumed.add(taken);
          }
          const remaining = quantity.subtract(consumed);
          const beforeLast = Money.sum(slices);
          const last = remaining.isZero() ? Money.ZERO : cost.valueOfSlice(consumed, remaining);
          expect(last.equals(total.subtract(beforeLast))).toBe(true);
          expect(Money.sum([...slices, last]).equals(total)).toBe(true);
          for (const slice of [...slices, last]) expect(slice.isNegative()).toBe(false);
        },
      ),
    );
  });

  it("keeps every slice within one minor unit of the slice valued on its own", () => {
    // Why slices are cumulative differences: rounding pieces on their own (4 minor over 6 milli,
    // each 1-milli piece 0.67 → 1) would leave the last piece -1.
    const cost = UnitCost.of(m(4), Quantity.fromMilli(6n));
    const one = Quantity.fromMilli(1n);
    expect(cost.valueOf(one).minor * 5n).toBeGreaterThan(4n);
    fc.assert(
      fc.property(lotTotal, positiveQuantity, fc.bigInt({ min: 0n, max: MAX_MILLI }), (total, quantity, a) => {
        const cost = UnitCost.of(total, quantity);
        const before = Quantity.fromMilli(a % quantity.milli);
        const taken = Quantity.fromMilli(1n + ((a * 3n) % (quantity.milli - before.milli)));
        const difference = cost.valueOfSlice(before, taken).minor - cost.valueOf(taken).minor;
        return difference >= -1n && difference <= 1n;
      }),
    );
  });

  it("shows minor units per unit for display, half-to-even", () => {
    expect(UnitCost.of(m(1000), q("3")).toMinorPerUnit()).toBe("333.3333");
    expect(UnitCost.of(m(2000), q("3")).toMinorPerUnit(2)).toBe("666.67");
    expect(UnitCost.of(m(5), q("2")).toMinorPerUnit(0)).toBe("2");
    expect(UnitCost.of(m(-1), q("3")).toMinorPerUnit(1)).toBe("-0.3");
    expect(UnitCost.of(m(1), q("0.001")).toMinorPerUnit(1)).toBe("1000.0");
    expect(() => UnitCost.of(m(1), q("1")).toMinorPerUnit(1.5)).toThrow(RangeError);
  });
});

describe("lineAmount and percentOf", () => {
  it("round a line half-to-even", () => {
    expect(lineAmount(q("2.5"), m(1)).minor).toBe(2n);
    expect(lineAmount(q("3.5"), m(1)).minor).toBe(4n);
    expect(lineAmount(q("0.125"), m(4)).minor).toBe(0n); // 0.5 → 0
    expect(lineAmount(q("0.375"), m(4)).minor).toBe(2n); // 1.5 → 2
    expect(lineAmount(q("-2.5"), m(1)).minor).toBe(-2n);
    expect(lineAmount(q("3"), m(1999)).minor).toBe(5997n);
  });

  it("lineAmount is the half-even quotient of the exact product for any quantity and price", () => {
    fc.assert(
      fc.property(validQuantityText, anyMoney, (text, price) => {
        const quantity = q(text);
        const amount = lineAmount(quantity, price);
        const exact = quantity.milli % 1000n === 0n ? amount.minor === (quantity.milli / 1000n) * price.minor : true;
        return exact && isHalfEvenQuotient(amount.minor, quantity.milli * price.minor, 1000n);
      }),
    );
  });

  it("percentOf rounds a rate half-to-even and is exact at 0 and 100 %", () => {
    expect(percentOf(m(1050), 2100).minor).toBe(220n); // 220.5 → 220
    expect(percentOf(m(1150), 2100).minor).toBe(242n); // 241.5 → 242
    expect(percentOf(m(-1050), 2100).minor).toBe(-220n);
    fc.assert(
      fc.property(anyMoney, fc.integer({ min: 0, max: 10_000 }), (amount, bp) => {
        const part = percentOf(amount, bp);
        return (
          isHalfEvenQuotient(part.minor, amount.minor * BigInt(bp), 10_000n) &&
          percentOf(amount, 10_000).equals(amount) &&
          percentOf(amount, 0).isZero()
        );
      }),
    );
  });

  it.each([-1, 10_001, 1.5, Number.NaN])("percentOf refuses %d basis points", (bp) => {
    expect(() => percentOf(m(100), bp)).toThrow(RangeError);
  });
});
