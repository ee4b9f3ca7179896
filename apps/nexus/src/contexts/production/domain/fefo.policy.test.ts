import { describe, expect, it } from "vitest";
import { Money, Quantity } from "@/shared/domain/exact-arithmetic";
import { unwrap } from "@/shared/domain/result";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { CalendarDate } from "./calendar-date.value-object";
import { planFefo } from "./fefo.policy";
import { Lot } from "./lot.entity";

const q = (text: string) => unwrap(Quantity.parse(text));
const day = (text: string) => unwrap(CalendarDate.parse(text));
const ingredientId = Uuid.generate();

const lot = (code: string, quantity: string, expiresOn: string | null, receivedMs = 0) =>
  unwrap(
    Lot.receive({
      organizationId: Uuid.generate(),
      ingredientId,
      code,
      quantity: q(quantity),
      totalCost: Money.ofMinor(1000),
      expiresOn: expiresOn === null ? null : day(expiresOn),
      receivedAt: Timestamp.fromMillis(receivedMs),
      supplier: null,
    }),
  );

const codes = (plan: ReturnType<typeof planFefo>) =>
  plan.allocations.map((a) => `${a.lot.toProps().code}:${a.quantity}`);

describe("FEFO allocation", () => {
  it("takes the soonest expiry first, lots without expiry last, and skips expired ones", () => {
    const lots = [
      lot("none", "5", null),
      lot("late", "5", "2026-03-01"),
      lot("expired", "5", "2026-01-09"),
      lot("soon", "2", "2026-01-10"),
    ];
    const plan = planFefo(lots, q("8"), day("2026-01-10"));
    expect(codes(plan)).toEqual(["soon:2", "late:5", "none:1"]);
    expect(plan.shortfall.isZero()).toBe(true);
    expect(plan.available.toString()).toBe("12");
  });

  it("breaks expiry ties by reception time", () => {
    const plan = planFefo(
      [lot("second", "1", "2026-02-01", 2), lot("first", "1", "2026-02-01", 1)],
      q("1.5"),
      day("2026-01-01"),
    );
    expect(codes(plan)).toEqual(["first:1", "second:0.5"]);
  });

  it("reports what usable lots cannot cover, never counting expired stock as available", () => {
    const plan = planFefo([lot("ok", "1.25", "2026-02-01"), lot("old", "9", "2025-12-31")], q("2"), day("2026-01-01"));
    expect(plan.available.toString()).toBe("1.25");
    expect(plan.shortfall.toString()).toBe("0.75");
  });
});
