import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Money, Quantity } from "@/shared/domain/exact-arithmetic";
import { unwrap } from "@/shared/domain/result";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { Lot } from "./lot.entity";

const q = (text: string) => unwrap(Quantity.parse(text));
const received = (quantity: Quantity, cost: Money) =>
  unwrap(
    Lot.receive({
      organizationId: Uuid.generate(),
      ingredientId: Uuid.generate(),
      code: "L1",
      quantity,
      totalCost: cost,
      expiresOn: null,
      receivedAt: Timestamp.fromMillis(0),
      supplier: "Moagem",
    }),
  );

describe("lot costing", () => {
  it("values partial takes half-to-even and gives the last take exactly what is left", () => {
    const lot = received(q("3"), Money.ofMinor(100)); // 33.333… per unit
    expect(unwrap(lot.take(q("1"))).value.minor).toBe(33n);
    expect(unwrap(lot.take(q("1.5"))).value.minor).toBe(50n);
    expect(unwrap(lot.take(q("0.5"))).value.minor).toBe(17n); // the rest, not round(16.67)
    expect(lot.remainingValue.isZero()).toBe(true);
  });

  it("ties round to even: 0.5 of a 1-cent unit is 0, 1.5 is 2", () => {
    expect(unwrap(received(q("4"), Money.ofMinor(4)).take(q("0.5"))).value.minor).toBe(0n);
    expect(unwrap(received(q("4"), Money.ofMinor(4)).take(q("1.5"))).value.minor).toBe(2n);
  });

  it("never goes below zero", () => {
    const lot = received(q("1"), Money.ofMinor(10));
    expect(lot.take(q("1.001"))).toMatchObject({ ok: false, error: { code: "lot-below-zero", available: "1" } });
    expect(lot.remainingQuantity.toString()).toBe("1");
  });

  it("any sequence of takes that empties a lot spends exactly its cost, never overdrawing (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 7n }),
        fc.bigInt({ min: 0n, max: 10n ** 9n }),
        fc.array(fc.bigInt({ min: 1n, max: 10n ** 7n }), { maxLength: 30 }),
        (quantityMilli, costMinor, takes) => {
          const lot = received(Quantity.fromMilli(quantityMilli), Money.ofMinor(costMinor));
          let spent = 0n;
          for (const t of takes) {
            const want = Quantity.fromMilli(t).min(lot.remainingQuantity);
            if (!want.isPositive()) break;
            spent += unwrap(lot.take(want)).value.minor;
            expect(lot.remainingValue.isNegative()).toBe(false);
          }
          if (lot.remainingQuantity.isPositive()) spent += unwrap(lot.take(lot.remainingQuantity)).value.minor;
          expect(spent).toBe(costMinor);
          expect(lot.remainingValue.isZero()).toBe(true);
        },
      ),
    );
  });
});
