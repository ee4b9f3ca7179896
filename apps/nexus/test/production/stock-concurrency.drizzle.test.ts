import { describe, expect, it } from "vitest";
import { unwrap } from "@/shared/domain/result";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { freshBakeryPerTest, receive } from "./production-kit";

/**
 * Racing writers on the same lots, through the real repositories and their row locks. On PGlite the
 * engine runs one transaction at a time; with DATABASE_URL the pool runs them truly in parallel.
 */
describe("stock under concurrent completions and sales", () => {
  const t = freshBakeryPerTest();

  const startedOrder = async (quantity: string) => {
    const order = unwrap(
      await t.kit.plan.execute({
        organizationId: t.kit.organizationId,
        productId: t.ids.croissant,
        quantity,
        plannedFor: "2026-01-10",
      }),
    );
    unwrap(await t.kit.status.start(t.kit.organizationId, order.id as Uuid));
    return order.id as Uuid;
  };
  const complete = (orderId: Uuid, producedQuantity: string) =>
    t.kit.complete.execute({ organizationId: t.kit.organizationId, orderId, producedQuantity });

  it("of five completions racing for flour enough for two, exactly two win and no lot goes below zero", async () => {
    const lot = await receive(t.kit, t.ids.flour, "5", 1000, "2026-02-01");
    await receive(t.kit, t.ids.butter, "50", 5000, "2026-02-01");
    const orders = await Promise.all(Array.from({ length: 5 }, () => startedOrder("30"))); // 2.5 kg flour each
    const results = await Promise.all(orders.map((id) => complete(id, "30")));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(Array(3).fill("insufficient-stock"));
    expect(unwrap(await t.kit.queries.getLot(t.kit.organizationId, lot))).toMatchObject({
      remainingQuantity: "0",
      remainingValue: 0,
    });
    const costs = results.flatMap((r) => (r.ok ? [r.value.cost ?? 0] : []));
    // flour 2.5 kg of 5 kg for 1000 = 500 each; butter 0.625 kg slices of 50 kg for 5000:
    // the first 62.5 → 62 (half-to-even), the second 125 − 62 = 63 (slices telescope, ADR 0009)
    expect(costs.sort()).toEqual([562, 563]);
    expect(await t.kit.deps.readModel.verifyStock()).toMatchObject({ discrepancies: [] });
  });

  it("a completion and sales racing for the croissant's stock lose no movement", async () => {
    await receive(t.kit, t.ids.flour, "20", 2000, "2026-02-01");
    await receive(t.kit, t.ids.butter, "10", 1000, "2026-02-01");
    unwrap(await complete(await startedOrder("24"), "24"));
    const next = await startedOrder("24");
    const sale = (quantity: string) =>
      t.kit.sales.execute(t.kit.organizationId, {
        invoiceId: Uuid.generate(),
        number: `2026-${quantity}-${Math.random()}`,
        issueDate: "2026-01-10",
        currency: "EUR",
        customer: { name: "Mercearia", taxId: null },
        lines: [
          {
            lineNumber: 1,
            productId: t.ids.croissant,
            productName: "Croissant",
            sku: "CRO-1",
            unit: "unit",
            quantity,
            unitPrice: 100,
            net: 100,
            tax: 0,
            taxes: [],
          },
        ],
        totals: { net: 100, tax: 0, gross: 100 },
      });
    const outcomes = await Promise.all([sale("20"), complete(next, "24"), sale("20"), sale("5")]);
    expect(outcomes.every((o) => o.ok)).toBe(true);

    const movements = unwrap(
      await t.kit.queries.movements(t.kit.organizationId, { itemId: t.ids.croissant }, { limit: 200, cursor: null }),
    ).items;
    expect(movements.map((m) => m.sequence).sort((a, b) => a - b)).toEqual(movements.map((_, i) => i + 1));
    const sold = movements.filter((m) => m.kind === "sale").reduce((s, m) => s - Number(m.quantity), 0);
    expect(sold).toBe(45);
    const lots = unwrap(
      await t.kit.queries.listLots(t.kit.organizationId, { itemId: t.ids.croissant }, { limit: 50, cursor: null }),
    ).items;
    for (const l of lots) expect(Number(l.remainingQuantity)).toBeGreaterThanOrEqual(0);
    expect(await t.kit.deps.readModel.verifyStock()).toMatchObject({ discrepancies: [] });
  });
});
