import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Money, Quantity } from "@/shared/domain/exact-arithmetic";
import { unwrap } from "@/shared/domain/result";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { CalendarDate } from "./calendar-date.value-object";
import { Lot } from "./lot.entity";
import { StockItem } from "./stock-item.entity";
import {
  adjustLot,
  consumeForOrder,
  type Returned,
  receiveLot,
  reverseMovement,
  shipFefo,
} from "./stock-keeping.service";
import type { StockMovement } from "./stock-movement.value-object";

const organizationId = Uuid.generate();
const itemId = Uuid.generate();
const at = Timestamp.fromMillis(Date.UTC(2026, 0, 10));
const today = unwrap(CalendarDate.parse("2026-01-10"));
const q = (text: string) => unwrap(Quantity.parse(text));

type Op =
  | { kind: "receipt"; quantity: bigint; cost: bigint; expiresIn: number | null }
  | { kind: "consume"; quantity: bigint }
  | { kind: "sale"; quantity: bigint }
  | { kind: "reverse"; pick: number; part: bigint | null }
  | { kind: "adjust"; pick: number; change: bigint };

const milli = fc.bigInt({ min: 1n, max: 50_000n });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant("receipt" as const),
    quantity: milli,
    cost: fc.bigInt({ min: 0n, max: 1_000_000n }),
    expiresIn: fc.option(fc.integer({ min: -3, max: 30 })),
  }),
  fc.record({ kind: fc.constant("consume" as const), quantity: milli }),
  fc.record({ kind: fc.constant("sale" as const), quantity: milli }),
  fc.record({ kind: fc.constant("reverse" as const), pick: fc.nat(), part: fc.option(milli) }),
  fc.record({
    kind: fc.constant("adjust" as const),
    pick: fc.nat(),
    change: fc.bigInt({ min: -20_000n, max: 20_000n }),
  }),
);

/** Runs the operations on one item and checks the ledger after each of them. */
function run(ops: readonly Op[]): void {
  const item = StockItem.open(organizationId, itemId, "ingredient");
  const lots: Lot[] = [];
  const ledger: StockMovement[] = [];
  const returned = new Map<Uuid, Returned>();
  const document = () => ({ type: "invoice" as const, id: Uuid.generate(), lineNumber: 1 });

  for (const o of ops) {
    if (o.kind === "receipt") {
      const lot = unwrap(
        Lot.receive({
          organizationId,
          ingredientId: itemId,
          code: `L${lots.length}`,
          quantity: Quantity.fromMilli(o.quantity),
          totalCost: Money.ofMinor(o.cost),
          expiresOn: o.expiresIn === null ? null : CalendarDate.addDays(today, o.expiresIn),
          receivedAt: at,
          supplier: null,
        }),
      );
      lots.push(lot);
      ledger.push(receiveLot(item, lot, at));
    } else if (o.kind === "consume") {
      const requirement = [{ ingredientId: itemId, quantity: Quantity.fromMilli(o.quantity) }];
      const before = lots.map((l) => l.remainingQuantity.milli);
      const consumed = consumeForOrder(requirement, new Map([[itemId, { item, lots }]]), today, Uuid.generate(), at);
      if (consumed.ok) ledger.push(...consumed.value.movements);
      else expect(lots.map((l) => l.remainingQuantity.milli)).toEqual(before); // all or nothing
    } else if (o.kind === "sale") {
      const shipment = shipFefo({ item, lots }, Quantity.fromMilli(o.quantity), today, document(), at, null);
      expect(Money.sum(shipment.lots.map((l) => l.cost)).add(shipment.shortfallCost)).toEqual(shipment.cost);
      ledger.push(...shipment.movements);
    } else if (o.kind === "reverse") {
      const sales = ledger.filter((m) => m.kind === "sale");
      const original = sales[o.pick % Math.max(1, sales.length)];
      if (!original) continue;
      const lot = lots.find((l) => l.id === original.lotId) ?? null;
      const already = returned.get(original.id) ?? { quantity: Quantity.ZERO, value: Money.ZERO };
      const part = o.part === null ? null : Quantity.fromMilli(o.part);
      const movement = reverseMovement({ item, lot }, original, already, part, document(), at);
      if (!movement) continue;
      ledger.push(movement);
      const total = { quantity: already.quantity.add(movement.quantity), value: already.value.add(movement.value) };
      returned.set(original.id, total);
      // Never more than went out, in quantity or value.
      expect(total.quantity.compare(original.quantity.negate())).toBeLessThanOrEqual(0);
      expect(total.value.compare(original.value.negate())).toBeLessThanOrEqual(0);
    } else {
      const lot = lots[o.pick % Math.max(1, lots.length)];
      if (!lot || o.change === 0n) continue;
      const adjusted = adjustLot({ item, lot }, Quantity.fromMilli(o.change), "count", null, Uuid.generate(), at);
      if (adjusted.ok) ledger.push(adjusted.value);
      else expect(lot.remainingQuantity.milli).toBeLessThan(-o.change);
    }

    const sumQuantity = ledger.reduce((s, m) => s.add(m.quantity), Quantity.ZERO);
    const sumValue = Money.sum(ledger.map((m) => m.value));
    expect(sumQuantity).toEqual(item.balanceQuantity);
    expect(sumValue).toEqual(item.balanceValue);
    expect(ledger.at(-1)?.balanceQuantity ?? Quantity.ZERO).toEqual(sumQuantity);
    expect(ledger.at(-1)?.balanceValue ?? Money.ZERO).toEqual(sumValue);
    expect(ledger.map((m) => m.sequence)).toEqual(ledger.map((_, i) => i + 1));
    for (const lot of lots) {
      const own = ledger.filter((m) => m.lotId === lot.id);
      expect(own.reduce((s, m) => s.add(m.quantity), Quantity.ZERO)).toEqual(lot.remainingQuantity);
      expect(Money.sum(own.map((m) => m.value))).toEqual(lot.remainingValue);
      expect(lot.remainingQuantity.isNegative() || lot.remainingValue.isNegative()).toBe(false);
      if (lot.remainingQuantity.isZero()) expect(lot.remainingValue.isZero()).toBe(true);
    }
    const onHand = item.toProps();
    expect(onHand.quantity).toEqual(lots.reduce((s, l) => s.add(l.remainingQuantity), Quantity.ZERO));
    expect(onHand.value).toEqual(Money.sum(lots.map((l) => l.remainingValue)));
  }
}

describe("stock keeping", () => {
  it("any sequence of receipts, consumptions, sales, reversals and adjustments balances to the cent (property)", () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 40 }), run), { numRuns: 300 });
  });

  it("a sale beyond stock ships every usable lot and values the shortfall at average cost", () => {
    const item = StockItem.open(organizationId, itemId, "product");
    const lot = unwrap(
      Lot.receive({
        organizationId,
        ingredientId: itemId,
        code: "A",
        quantity: q("2"),
        totalCost: Money.ofMinor(301),
        expiresOn: null,
        receivedAt: at,
        supplier: null,
      }),
    );
    receiveLot(item, lot, at);
    const shipment = shipFefo(
      { item, lots: [lot] },
      q("3"),
      today,
      { type: "invoice", id: Uuid.generate(), lineNumber: 1 },
      at,
      null,
    );
    // 2 from the lot (301, all of it) + 1 short at 150.5 → 150 (half-to-even)
    expect(shipment.lots.map((l) => [l.quantity.toString(), l.cost.minor])).toEqual([["2", 301n]]);
    expect(shipment.shortfallQuantity.toString()).toBe("1");
    expect(shipment.shortfallCost.minor).toBe(150n);
    expect(item.toProps().shortfallQuantity.toString()).toBe("1");
    expect(item.balanceQuantity.toString()).toBe("-1");
  });

  it("a completion short of several ingredients lists every shortage and touches nothing", () => {
    const other = Uuid.generate();
    const item = StockItem.open(organizationId, itemId, "ingredient");
    const result = consumeForOrder(
      [
        { ingredientId: itemId, quantity: q("1") },
        { ingredientId: other, quantity: q("0.5") },
      ],
      new Map([[itemId, { item, lots: [] }]]),
      today,
      Uuid.generate(),
      at,
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "insufficient-stock",
        shortages: [
          { ingredientId: itemId, required: "1", available: "0" },
          { ingredientId: other, required: "0.5", available: "0" },
        ],
      },
    });
    expect(item.toProps().lastSequence).toBe(0);
  });
});
