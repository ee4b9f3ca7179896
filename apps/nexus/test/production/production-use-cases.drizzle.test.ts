import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unwrap } from "@/shared/domain/result";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { queryRows } from "@/shared/infrastructure/database/database-client";
import { bakery, createProductionKit, invoiceOf, type ProductionKit, produce, receive } from "./production-kit";

/**
 * The use cases on real repositories (cloned PGlite template, or DATABASE_URL). Numbers by hand:
 * flour lot A 3 kg for 1000 (333.33…/kg, expires first), lot B 25 kg for 2500, butter 5 kg for 4999.
 */
describe("production use cases on the database", () => {
  let kit: ProductionKit;
  let ids: Awaited<ReturnType<typeof bakery>>;
  let lotA: Uuid;
  let lotB: Uuid;
  let butterLot: Uuid;

  beforeAll(async () => {
    kit = await createProductionKit();
    ids = await bakery(kit);
    lotA = await receive(kit, ids.flour, "3", 1000, "2026-01-20");
    lotB = await receive(kit, ids.flour, "25", 2500, "2026-03-01");
    butterLot = await receive(kit, ids.butter, "5", 4999, "2026-02-01");
    await receive(kit, ids.flour, "100", 1, "2026-01-09"); // expired yesterday: never used
  });
  afterAll(() => kit?.dispose());

  const lot = async (id: Uuid) => unwrap(await kit.queries.getLot(kit.organizationId, id));

  it("derives the croissant's allergens from its recipe", async () => {
    const product = unwrap(await kit.queries.getProduct(kit.organizationId, ids.croissant));
    expect(product.allergens).toEqual(["gluten", "milk"]);
    expect(product.recipeVersion).toBe(1);
  });

  it("pages a product's recipe versions oldest first, each once, and refuses a foreign cursor", async () => {
    const { organizationId } = kit;
    const bread = unwrap(await kit.products.create(organizationId, { name: "Bread", sku: "BRD-1", unit: "unit" }));
    for (const yieldQuantity of ["10", "11", "12"]) {
      unwrap(
        await kit.recipes.execute({
          organizationId,
          productId: bread.id as Uuid,
          yieldQuantity,
          items: [{ ingredientId: ids.flour, quantity: "1" }],
        }),
      );
    }
    const first = unwrap(
      await kit.queries.recipeVersions(organizationId, bread.id as Uuid, { limit: 2, cursor: null }),
    );
    expect(first.items.map((r) => r.version)).toEqual([1, 2]);
    const second = unwrap(
      await kit.queries.recipeVersions(organizationId, bread.id as Uuid, { limit: 2, cursor: first.nextCursor }),
    );
    expect({ versions: second.items.map((r) => r.version), next: second.nextCursor }).toEqual({
      versions: [3],
      next: null,
    });
    const foreign = await kit.queries.recipeVersions(organizationId, bread.id as Uuid, { limit: 2, cursor: "bm9wZQ" });
    expect(foreign).toMatchObject({ ok: false, error: { code: "invalid-cursor" } });
  });

  it("completes 30 croissants FEFO at exact cost: flour 2.5 kg of lot A = 833, butter 0.625 kg = 625", async () => {
    const { orderId, completion } = await produce(kit, ids.croissant, "30");
    const order = unwrap(completion);
    expect(order).toMatchObject({ status: "completed", producedQuantity: "30", cost: 1458 });
    expect(await lot(lotA)).toMatchObject({ remainingQuantity: "0.5", remainingValue: 167 });
    expect(await lot(lotB)).toMatchObject({ remainingQuantity: "25", remainingValue: 2500 });
    expect(await lot(butterLot)).toMatchObject({ remainingQuantity: "4.375", remainingValue: 4374 });
    const productLot = await lot(order.productLotId as Uuid);
    expect(productLot).toMatchObject({
      itemKind: "product",
      quantity: "30",
      totalCost: 1458,
      expiresOn: "2026-01-12",
      allergens: ["gluten", "milk"],
      orderId,
      recipeVersion: 1,
    });
    const [event] = await kit.published("production.order.completed.v1");
    expect(event).toMatchObject({ orderId, cost: 1458, producedQuantity: "30", sku: "CRO-1" });
  });

  it("empties lot A with exactly its remaining 167, then continues in lot B", async () => {
    const order = unwrap((await produce(kit, ids.croissant, "12")).completion);
    // flour 1 kg: 0.5 kg of A (the rest: 167) + 0.5 kg of B (50); butter 0.25 kg = 249.95 → 250
    expect(order.cost).toBe(167 + 50 + 250);
    expect(await lot(lotA)).toMatchObject({ remainingQuantity: "0", remainingValue: 0, status: "empty" });
    expect(await lot(lotB)).toMatchObject({ remainingQuantity: "24.5", remainingValue: 2450 });
  });

  it("refuses a completion short of both ingredients, listing each, and changes nothing", async () => {
    const before = unwrap(await kit.queries.stock(kit.organizationId, { limit: 50, cursor: null })).items;
    const { orderId, completion } = await produce(kit, ids.croissant, "1200");
    expect(completion).toMatchObject({
      ok: false,
      error: {
        code: "insufficient-stock",
        shortages: [
          { ingredientId: ids.flour, required: "100", available: "24.5", name: "Flour T65", unit: "kg" },
          { ingredientId: ids.butter, required: "25", available: "4.125", name: "Butter" },
        ],
      },
    });
    expect(unwrap(await kit.queries.getOrder(kit.organizationId, orderId)).status).toBe("in_progress");
    expect(unwrap(await kit.queries.stock(kit.organizationId, { limit: 50, cursor: null })).items).toEqual(before);
    // The refusal is audited on its own commit, after the rollback.
    const audited = await queryRows<{ outcome: string; reason: string }>(
      kit.database.client.db,
      sql`select outcome, metadata->>'reason' as reason from platform.audit_entries
          where action = 'production.order.completed' and resource_id = ${orderId}`,
    );
    expect(audited).toEqual([{ outcome: "failure", reason: "insufficient-stock" }]);
  });

  it("keeps the ledger with running balances that sum to the stock", async () => {
    const movements = unwrap(
      await kit.queries.movements(kit.organizationId, { itemId: ids.flour }, { limit: 200, cursor: null }),
    ).items;
    expect(movements.map((m) => [m.kind, m.quantity, m.value, m.balanceQuantity, m.balanceValue])).toEqual([
      ["receipt", "3", 1000, "3", 1000],
      ["receipt", "25", 2500, "28", 3500],
      ["receipt", "100", 1, "128", 3501],
      ["consumption", "-2.5", -833, "125.5", 2668],
      ["consumption", "-0.5", -167, "125", 2501],
      ["consumption", "-0.5", -50, "124.5", 2451],
    ]);
    const stock = unwrap(await kit.queries.stock(kit.organizationId, { limit: 50, cursor: null })).items;
    const butter = stock.find((s) => s.itemId === ids.butter);
    expect(butter).toMatchObject({
      quantity: "4.125",
      value: 4124,
      belowReorderLevel: true,
      nearestExpiry: "2026-02-01",
    });
    expect(await kit.deps.readModel.verifyStock()).toMatchObject({ discrepancies: [] });
  });

  it("ships an invoice FEFO with an unallocated shortfall, then reverses it exactly on cancellation", async () => {
    const invoice = invoiceOf(ids.croissant, "50"); // 42 on hand: 30 (1458) + 12 (467)
    expect(unwrap(await kit.sales.execute(kit.organizationId, invoice))).toMatchObject({ applied: true });
    expect(unwrap(await kit.sales.execute(kit.organizationId, invoice))).toMatchObject({ applied: false });
    const [shipped] = await kit.published("production.goods.shipped.v1");
    // 1458 + 467 for the two lots; 8 short at the average of what was on hand: 8 × 1925 / 42 = 366.67 → 367
    expect(shipped).toMatchObject({
      invoiceId: invoice.invoiceId,
      lines: [{ quantity: "50", cost: 1458 + 467 + 367, shortfallQuantity: "8" }],
    });
    const croissant = unwrap(await kit.queries.stock(kit.organizationId, { limit: 50, cursor: null })).items.find(
      (s) => s.itemId === ids.croissant,
    );
    expect(croissant).toMatchObject({
      quantity: "0",
      value: 0,
      shortfallQuantity: "8",
      shortfallValue: 367,
      hasShortfall: true,
    });

    unwrap(
      await kit.returns.cancelInvoice(kit.organizationId, {
        invoiceId: invoice.invoiceId,
        number: invoice.number,
        issueDate: invoice.issueDate,
        cancelledAt: "2026-01-10T12:00:00.000Z",
        reason: "typo",
        currency: "EUR",
        totals: invoice.totals,
      }),
    );
    const after = unwrap(await kit.queries.stock(kit.organizationId, { limit: 50, cursor: null })).items.find(
      (s) => s.itemId === ids.croissant,
    );
    expect(after).toMatchObject({ quantity: "42", value: 1925, shortfallQuantity: "0", shortfallValue: 0 });
    const [returned] = await kit.published("production.goods.returned.v1");
    expect(returned).toMatchObject({ reason: "invoice-cancelled", lines: [{ quantity: "50", cost: 2292 }] });
    expect(await kit.deps.readModel.verifyStock()).toMatchObject({ discrepancies: [] });
  });

  it("restocks a credit note into the lots the goods left, at the value they left with", async () => {
    const invoice = invoiceOf(ids.croissant, "10");
    unwrap(await kit.sales.execute(kit.organizationId, invoice)); // 10 of the first lot: 10 × 1458 / 30 = 486
    const note = {
      creditNoteId: Uuid.generate(),
      number: "CN-2026-000001",
      invoiceId: invoice.invoiceId,
      invoiceNumber: invoice.number,
      issueDate: "2026-01-11",
      restock: true,
      currency: "EUR",
      lines: [{ lineNumber: 1, productId: ids.croissant, quantity: "4", unitPrice: 150, net: 600, tax: 0, taxes: [] }],
      totals: { net: 600, tax: 0, gross: 600 },
    };
    unwrap(await kit.returns.restock(kit.organizationId, note));
    unwrap(await kit.returns.restock(kit.organizationId, note)); // applied once only
    const events = await kit.published("production.goods.returned.v1");
    expect(events.at(-1)).toMatchObject({ reason: "credit-note-restock", lines: [{ quantity: "4", cost: 194 }] });
    expect(events).toHaveLength(2);
    expect(await kit.deps.readModel.verifyStock()).toMatchObject({ discrepancies: [] });
  });

  it("traces the first flour lot forward to its orders, product lots and customers", async () => {
    const trace = unwrap(await kit.trace.execute(kit.organizationId, lotA, "json"));
    expect(trace.lot).toMatchObject({ code: "L-3-1000", itemKind: "ingredient", supplier: "Moagem" });
    expect(trace.usedIn.map((u) => [u.quantity, u.cost])).toEqual([
      ["2.5", 833],
      ["0.5", 167],
    ]);
    expect(trace.shipments.map((s) => [s.customer, s.quantity, s.cancelled])).toContainEqual([
      "Café Central",
      "6",
      false,
    ]);
  });

  it("finds nothing of another organization", async () => {
    const other = Uuid.generate();
    expect(await kit.queries.getLot(other, lotA)).toMatchObject({ ok: false, error: { code: "not-found" } });
    expect(await kit.trace.execute(other, lotA, "json")).toMatchObject({ ok: false, error: { code: "not-found" } });
    expect(
      await kit.adjust.execute({ organizationId: other, lotId: lotB, quantity: "-1", reason: "waste" }),
    ).toMatchObject({
      ok: false,
      error: { code: "not-found" },
    });
  });

  it("adjusts a lot but never below zero", async () => {
    expect(
      await kit.adjust.execute({ organizationId: kit.organizationId, lotId: lotB, quantity: "-25", reason: "waste" }),
    ).toMatchObject({
      ok: false,
      error: { code: "lot-below-zero", available: "24.5" },
    });
    const adjusted = unwrap(
      await kit.adjust.execute({
        organizationId: kit.organizationId,
        lotId: lotB,
        quantity: "-0.5",
        reason: "damage",
        note: "torn bag",
      }),
    );
    expect(adjusted.movement).toMatchObject({ kind: "adjustment", quantity: "-0.5", value: -50, reason: "damage" });
    expect(adjusted.lot).toMatchObject({ remainingQuantity: "24", remainingValue: 2400 });
  });
});
