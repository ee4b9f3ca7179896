import { describe, expect, it } from "vitest";
import { Money, Quantity } from "@/shared/domain/exact-arithmetic";
import { unwrap } from "@/shared/domain/result";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { CalendarDate } from "./calendar-date.value-object";
import { ORDER_STATUSES, type OrderStatus, ProductionOrder } from "./production-order.entity";

const now = Timestamp.fromMillis(Date.UTC(2026, 0, 10, 8));
const q = (text: string) => unwrap(Quantity.parse(text));

function orderIn(status: OrderStatus): ProductionOrder {
  const order = unwrap(
    ProductionOrder.plan({
      organizationId: Uuid.generate(),
      productId: Uuid.generate(),
      recipeId: Uuid.generate(),
      recipeVersion: 1,
      quantity: q("10"),
      plannedFor: unwrap(CalendarDate.parse("2026-01-10")),
      now,
    }),
  );
  if (status === "planned") return order;
  if (status === "cancelled") {
    unwrap(order.cancel(now));
    return order;
  }
  unwrap(order.start(now));
  if (status === "completed") {
    unwrap(order.complete({ producedQuantity: q("10"), cost: Money.ofMinor(100), productLotId: Uuid.generate(), now }));
  }
  return order;
}

const act = (order: ProductionOrder, to: OrderStatus) => {
  if (to === "in_progress") return order.start(now);
  if (to === "cancelled") return order.cancel(now);
  if (to === "completed") {
    return order.complete({ producedQuantity: q("1"), cost: Money.ZERO, productLotId: Uuid.generate(), now });
  }
  return null; // nothing moves an order back to planned
};

const LEGAL = new Set(["planned>in_progress", "planned>cancelled", "in_progress>completed", "in_progress>cancelled"]);

describe("production order state machine", () => {
  for (const from of ORDER_STATUSES) {
    for (const to of ORDER_STATUSES.filter((s) => s !== "planned")) {
      const legal = LEGAL.has(`${from}>${to}`);
      it(`${from} → ${to} is ${legal ? "allowed" : "refused with illegal-transition"}`, () => {
        const order = orderIn(from);
        const result = act(order, to);
        if (legal) {
          expect(result?.ok).toBe(true);
          expect(order.status).toBe(to);
        } else {
          expect(result).toMatchObject({ ok: false, error: { code: "illegal-transition", from, to } });
          expect(order.status).toBe(from);
        }
      });
    }
  }

  it("keeps the cost and product lot of a completion", () => {
    const order = orderIn("completed");
    expect(order.toProps()).toMatchObject({ status: "completed", cost: Money.ofMinor(100), producedQuantity: q("10") });
  });

  it("refuses to plan a quantity that is not positive", () => {
    const planned = ProductionOrder.plan({
      organizationId: Uuid.generate(),
      productId: Uuid.generate(),
      recipeId: Uuid.generate(),
      recipeVersion: 1,
      quantity: q("0"),
      plannedFor: unwrap(CalendarDate.parse("2026-01-10")),
      now,
    });
    expect(planned).toMatchObject({
      ok: false,
      error: { code: "validation-failed", errors: [{ pointer: "/quantity" }] },
    });
  });
});
