import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthTestApp } from "../../auth/e2e/support/auth-test-app";
import { dayFromToday, ProductionActor } from "../../production/e2e/production-client";
import { runCli } from "../../support/run-cli";
import { type ProvisionedDatabase, provisionTestDatabase } from "../../support/test-database";
import { waitUntil } from "../../support/wait";
import { TaxApi } from "../support/tax-api";

type Json = Record<string, unknown> & { id: string };
type Page<T = Json> = { items: T[]; nextCursor: string | null };
type Doc = Json & { number: string };

/**
 * Issue #11, Done when #2, through HTTP alone: production lots made by orders, invoices issued, one
 * cancelled, one credited with restock and one without, events delivered by the app's own relay;
 * then lots and stock equal what was sold, and `stock-verify` (the real CLI) passes on that database.
 *
 * By hand. Flour F1 3 kg for 1000 (expires first), F2 25 kg for 2500. Croissant: 10 from 1 kg flour;
 * bread: 5 from 1 kg. Order 1: 10 croissants from 1 kg of F1 = 333 (lot C1). Order 2: 20 croissants
 * from the last 2 kg of F1 = 667 (lot C2, empties F1). Order 3: 15 breads from 3 kg of F2 = 300 (lot B).
 * Invoice 1: 12 croissants (C1 10 = 333, C2 2 = 67) and 5 breads (100). Invoice 2: 3 croissants from
 * C2 (100), cancelled: they come back. Credit note 1 (restock): 4 croissants of invoice 1 go back to
 * the lots they left. Credit note 2 (no restock): 1 bread, stock unchanged.
 * Net sold: 8 croissants, 5 breads → croissants on hand 22, bread 10.
 */
describe("tax → production: invoices, a cancellation and credit notes move stock exactly once", () => {
  let database: ProvisionedDatabase;
  let started: Awaited<ReturnType<typeof createAuthTestApp>> | undefined;

  beforeAll(async () => {
    database = await provisionTestDatabase();
    started = await createAuthTestApp({ ...database.env, OUTBOX_POLL_MS: "20" });
  });
  afterAll(async () => {
    await started?.app.dispose();
    await database?.dispose();
  });

  // Three production orders, five documents, the relay and a CLI process: its own time budget on a loaded machine.
  it("lots and stock match the sold quantities, and stock-verify passes through its real entry point", {
    timeout: 180_000,
  }, async () => {
    if (!started) throw new Error("app not started");
    const client = started.client();
    const owner = await client.owner("tax-stock");
    const production = new ProductionActor(client, owner.tokens.accessToken, owner.organizationId);
    const { croissant, bread, lots } = await bakery(production);
    const tax = new TaxApi(client, owner.tokens, owner.organizationId, () =>
      Promise.reject(new Error("products come from the production API here")),
    );
    await tax.configure();
    await tax.ok(`/tax/classifications/${croissant}`, { method: "PUT", json: { taxCodes: ["RED"] } });
    await tax.ok(`/tax/classifications/${bread}`, { method: "PUT", json: { taxCodes: ["VAT"] } });

    const issue = async (lines: { productId: string; quantity: string; unitPrice: number }[]) => {
      const response = await tax.issue({ customer: { name: "Café Central" }, lines });
      expect(response.status, await response.clone().text()).toBe(201);
      return (await response.json()) as Doc;
    };
    const first = await issue([
      { productId: croissant, quantity: "12", unitPrice: 150 },
      { productId: bread, quantity: "5", unitPrice: 200 },
    ]);
    // Which lots a sale draws from depends on which invoice production applies first, and the relay
    // keeps order per aggregate (per invoice) only: let invoice 1 ship before invoice 2 is issued.
    await waitForStock(production, croissant, "18");
    const second = await issue([{ productId: croissant, quantity: "3", unitPrice: 150 }]);
    // No wait here: the relay delivers one aggregate's (the invoice's) events in order.
    await tax.ok(`/tax/invoices/${second.id}/cancel`, { json: { reason: "issued twice" } });
    const credit = (json: unknown) =>
      tax.ok<Doc>(
        `/tax/invoices/${first.id}/credit-notes`,
        { json, headers: { "Idempotency-Key": randomUUID() } },
        201,
      );
    await credit({ reason: "returned unsold", restock: true, lines: [{ lineNumber: 1, quantity: "4" }] });
    await credit({ reason: "one loaf stale, discarded", restock: false, lines: [{ lineNumber: 2, quantity: "1" }] });

    await waitForStock(production, croissant, "22");
    await waitForStock(production, bread, "10");
    const stock = await production.expect<Page>(200, "/stock");
    const byItem = new Map(stock.items.map((s) => [s.itemId, s]));
    expect(byItem.get(croissant)).toMatchObject({ quantity: "22", value: 734, hasShortfall: false });
    expect(byItem.get(bread)).toMatchObject({ quantity: "10", value: 200, hasShortfall: false });
    // The restock goes back to the lots the goods left, last out first: C2's 2 (67), then 2 of C1's
    // 10 at C1's unit cost (2 × 333 / 10 = 66.6 → 67). C2's 3 of the cancelled invoice are back too.
    const lotState = async (id: string) => {
      const lot = await production.expect<Json>(200, `/lots/${id}`);
      return [lot.remainingQuantity, lot.remainingValue];
    };
    expect(await lotState(lots.c1)).toEqual(["2", 67]);
    expect(await lotState(lots.c2)).toEqual(["20", 667]);
    expect(await lotState(lots.bread)).toEqual(["10", 200]);

    const ledger = await production.expect<Page>(200, `/stock/movements?itemId=${croissant}&limit=200`);
    const signed = (kind: string) =>
      ledger.items.filter((m) => m.kind === kind).reduce((sum, m) => sum + Number(m.quantity), 0);
    expect({ output: signed("output"), sale: signed("sale"), back: signed("sale-reversal") }).toEqual({
      output: 30,
      sale: -15,
      back: 7, // the cancelled invoice's 3 and the credit note's 4
    });
    const breadLedger = await production.expect<Page>(200, `/stock/movements?itemId=${bread}`);
    expect(breadLedger.items.map((m) => [m.kind, m.quantity])).toEqual([
      ["output", "15"],
      ["sale", "-5"],
    ]);

    // The real CLI, on the same database (PGlite is single-process: stop the app first).
    await started.app.dispose();
    started = undefined;
    const verified = await runCli(["stock-verify"], { ...database.env });
    expect(verified.code, verified.stderr).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ valid: true, discrepancies: 0 });
  });
});

async function bakery(p: ProductionActor) {
  const flour = await p.expect<Json>(201, "/ingredients", { json: { name: "Flour", unit: "kg" } });
  const receipt = (quantity: string, totalCost: number, lotCode: string, expiresIn: number) =>
    p.expect(201, "/stock/receipts", {
      json: { ingredientId: flour.id, quantity, totalCost, lotCode, expiresOn: dayFromToday(expiresIn) },
      headers: { "Idempotency-Key": randomUUID() },
    });
  await receipt("3", 1000, "F1", 10);
  await receipt("25", 2500, "F2", 60);
  const product = async (name: string, sku: string, yieldQuantity: string) => {
    const created = await p.expect<Json>(201, "/products", { json: { name, sku, unit: "unit", shelfLifeDays: 3 } });
    await p.expect(200, `/products/${created.id}/recipe`, {
      method: "PUT",
      json: { yieldQuantity, items: [{ ingredientId: flour.id, quantity: "1" }] },
    });
    return created.id;
  };
  const croissant = await product("Croissant", "CRO", "10");
  const bread = await product("Broa", "BRO", "5");
  const produce = async (productId: string, quantity: string, cost: number) => {
    const order = await p.expect<Json>(201, "/orders", {
      json: { productId, quantity, plannedFor: dayFromToday(0) },
      headers: { "Idempotency-Key": randomUUID() },
    });
    await p.expect(200, `/orders/${order.id}/start`, { method: "POST" });
    const done = await p.expect<Json>(200, `/orders/${order.id}/complete`, { json: { producedQuantity: quantity } });
    expect(done.cost).toBe(cost);
    return done.productLotId as string;
  };
  const lots = { c1: await produce(croissant, "10", 333), c2: await produce(croissant, "20", 667), bread: "" };
  lots.bread = await produce(bread, "15", 300);
  return { croissant, bread, lots };
}

/** The relay delivers asynchronously: wait for the product's quantity on hand. */
function waitForStock(p: ProductionActor, itemId: string, quantity: string) {
  return waitUntil(
    async () => {
      const stock = await p.expect<Page>(200, "/stock");
      return stock.items.find((s) => s.itemId === itemId)?.quantity === quantity;
    },
    15_000,
    `stock of ${itemId} to reach ${quantity}`,
  );
}
