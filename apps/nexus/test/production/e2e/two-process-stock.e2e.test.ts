import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthClient, fetchSender } from "../../auth/e2e/support/auth-client";
import { runCli } from "../../support/run-cli";
import { type SpawnedServer, spawnReadyServers, waitUntil } from "../../support/spawn-server";
import { testConfig } from "../../support/test-config";
import { type ProvisionedDatabase, provisionTestDatabase } from "../../support/test-database";
import { TaxApi } from "../../tax/support/tax-api";
import { dayFromToday, ProductionActor } from "./production-client";

type Json = Record<string, unknown> & { id: string };

/**
 * Two real servers on one PostgreSQL: completions sent to both at once race for the same flour lot.
 * Row locks decide: exactly as many win as the lot covers, the others get 409, nothing goes below
 * zero and the ledger still balances (stock-verify). Then completions race the sales of invoices
 * issued on the other server. Needs DATABASE_URL (CI's real-server pass).
 */
const config = testConfig();
const realDatabase = Boolean(config.DATABASE_URL);
const title = realDatabase
  ? "stock across two server processes sharing PostgreSQL"
  : "stock across two server processes — skipped: needs DATABASE_URL (a real PostgreSQL)";

describe.skipIf(!realDatabase)(title, () => {
  let database: ProvisionedDatabase;
  let servers: SpawnedServer[] = [];

  beforeAll(async () => {
    database = await provisionTestDatabase();
    servers = await spawnReadyServers(2, database.env);
  }, 90_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database?.dispose();
  });

  it("of six completions racing on two servers for flour enough for two, exactly two win", async () => {
    const [a, b] = servers.map((s) => new AuthClient(fetchSender(s.url), "198.51.100.91"));
    if (!a || !b) throw new Error("servers not started");
    const owner = await a.owner("racer");
    const onA = new ProductionActor(a, owner.tokens.accessToken, owner.organizationId);
    const onB = new ProductionActor(b, owner.tokens.accessToken, owner.organizationId);

    const flour = await onA.expect<Json>(201, "/ingredients", { json: { name: "Flour", unit: "kg" } });
    const { lot } = await onA.expect<{ lot: Json }>(201, "/stock/receipts", {
      json: { ingredientId: flour.id, quantity: "5", totalCost: 1000, lotCode: "RACE", expiresOn: dayFromToday(5) },
    });
    const croissant = await onB.expect<Json>(201, "/products", {
      json: { name: "Croissant", sku: "RACE", unit: "unit" },
    });
    await onB.expect(200, `/products/${croissant.id}/recipe`, {
      method: "PUT",
      json: { yieldQuantity: "12", items: [{ ingredientId: flour.id, quantity: "1" }] },
    });
    const orders: Json[] = [];
    for (let i = 0; i < 6; i++) {
      const order = await onA.expect<Json>(201, "/orders", {
        json: { productId: croissant.id, quantity: "30", plannedFor: dayFromToday(0) },
      });
      await onB.expect(200, `/orders/${order.id}/start`, { method: "POST" });
      orders.push(order);
    }

    const responses = await Promise.all(
      orders.map((o, i) =>
        (i % 2 ? onA : onB).request(`/orders/${o.id}/complete`, { json: { producedQuantity: "30" } }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 409, 409, 409, 409]);
    expect(await onB.expect(200, `/lots/${lot.id}`)).toMatchObject({ remainingQuantity: "0", remainingValue: 0 });
    const ledger = await onA.expect<{ items: Json[] }>(200, `/stock/movements?itemId=${flour.id}`);
    expect(ledger.items.map((m) => m.balanceQuantity)).toEqual(["5", "2.5", "0"]);

    const verified = await runCli(["stock-verify"], { ...database.env });
    expect(verified.code, verified.stderr).toBe(0);
  });

  it("completions on one server race sales of the same product from invoices issued on the other", async () => {
    const [a, b] = servers.map((s) => new AuthClient(fetchSender(s.url), "198.51.100.92"));
    if (!a || !b) throw new Error("servers not started");
    const owner = await a.owner("sale-racer");
    const onA = new ProductionActor(a, owner.tokens.accessToken, owner.organizationId);
    const onB = new ProductionActor(b, owner.tokens.accessToken, owner.organizationId);
    const flour = await onA.expect<Json>(201, "/ingredients", { json: { name: "Flour", unit: "kg" } });
    await onA.expect(201, "/stock/receipts", {
      json: { ingredientId: flour.id, quantity: "100", totalCost: 10_000, lotCode: "F", expiresOn: dayFromToday(9) },
    });
    const croissant = await onA.expect<Json>(201, "/products", {
      json: { name: "Croissant", sku: "SR", unit: "unit" },
    });
    await onA.expect(200, `/products/${croissant.id}/recipe`, {
      method: "PUT",
      json: { yieldQuantity: "12", items: [{ ingredientId: flour.id, quantity: "1" }] },
    });
    const startedOrder = async () => {
      const order = await onA.expect<Json>(201, "/orders", {
        json: { productId: croissant.id, quantity: "24", plannedFor: dayFromToday(0) },
      });
      await onA.expect(200, `/orders/${order.id}/start`, { method: "POST" });
      return order;
    };
    const first = await startedOrder();
    await onA.expect(200, `/orders/${first.id}/complete`, { json: { producedQuantity: "24" } });
    const tax = (client: AuthClient) =>
      new TaxApi(client, owner.tokens, owner.organizationId, () => Promise.reject(new Error("unused")));
    await tax(b).configure();
    await tax(b).ok(`/tax/classifications/${croissant.id}`, { method: "PUT", json: { taxCodes: ["RED"] } });
    const orders = await Promise.all([startedOrder(), startedOrder(), startedOrder(), startedOrder()]);

    // Completions on A (each writes the croissant's stock and a new lot) while B issues invoices,
    // whose sales production applies — on whichever instance's consumer — against the same rows.
    const line = { productId: croissant.id, quantity: "5", unitPrice: 150 };
    const [completions, invoices] = await Promise.all([
      Promise.all(orders.map((o) => onA.request(`/orders/${o.id}/complete`, { json: { producedQuantity: "24" } }))),
      Promise.all(Array.from({ length: 6 }, () => tax(b).issue({ customer: { name: "Café" }, lines: [line] }))),
    ]);
    expect(completions.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(invoices.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);

    // 24 + 4 × 24 made, 6 × 5 sold: 90 on hand once every sale is applied, none short.
    await waitUntil(
      async () => {
        const stock = await onB.expect<{ items: Json[] }>(200, "/stock");
        return stock.items.find((s) => s.itemId === croissant.id)?.quantity === "90";
      },
      30_000,
      "every sale applied",
    );
    const stock = await onB.expect<{ items: Json[] }>(200, "/stock");
    expect(stock.items.find((s) => s.itemId === croissant.id)).toMatchObject({ quantity: "90", hasShortfall: false });
    const ledger = await onA.expect<{ items: Json[] }>(200, `/stock/movements?itemId=${croissant.id}&limit=200`);
    const sales = ledger.items.filter((m) => m.kind === "sale");
    // One movement per lot a sale drew from: six invoices, 30 units in all.
    expect(new Set(sales.map((m) => (m.document as { id: string }).id)).size).toBe(6);
    expect(sales.reduce((sum, m) => sum + Number(m.quantity), 0)).toBe(-30);
    const verified = await runCli(["stock-verify"], { ...database.env });
    expect(verified.code, verified.stderr).toBe(0);
  });
});
