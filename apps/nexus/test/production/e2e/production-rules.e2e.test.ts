import { beforeAll, describe, expect, it } from "vitest";
import { useAuthE2e } from "../../auth/e2e/support/use-auth-e2e";
import { dayFromToday, memberOf, organizationWithOwner, type ProductionActor } from "./production-client";

type Json = Record<string, unknown> & { id: string };

/** Permissions, tenancy, the order state machine and input validation, through HTTP. */
describe("production API rules", () => {
  const e2e = useAuthE2e();
  let owner: ProductionActor;
  let flour: Json;
  let croissant: Json;
  let lot: Json;

  const startedOrder = async (quantity = "12") => {
    const order = await owner.expect<Json>(201, "/orders", {
      json: { productId: croissant.id, quantity, plannedFor: dayFromToday(0) },
    });
    await owner.expect(200, `/orders/${order.id}/start`, { method: "POST" });
    return order;
  };

  beforeAll(async () => {
    owner = await organizationWithOwner(() => e2e.newClient());
    flour = await owner.expect<Json>(201, "/ingredients", {
      json: { name: "Flour", unit: "kg", allergens: ["gluten"] },
    });
    croissant = await owner.expect<Json>(201, "/products", { json: { name: "Croissant", sku: "CRO", unit: "unit" } });
    await owner.expect(200, `/products/${croissant.id}/recipe`, {
      method: "PUT",
      json: { yieldQuantity: "12", items: [{ ingredientId: flour.id, quantity: "1" }] },
    });
    lot = (
      await owner.expect<{ lot: Json }>(201, "/stock/receipts", {
        json: { ingredientId: flour.id, quantity: "2", totalCost: 300, lotCode: "F-1", expiresOn: dayFromToday(5) },
      })
    ).lot;
  });

  it("lets analysts read and refuses their writes; operators write", async () => {
    const analyst = await memberOf(owner, () => e2e.newClient(), "analyst");
    await analyst.expect(200, "/stock");
    await analyst.expect(200, `/lots/${lot.id}/trace`);
    const refused = await analyst.expect<{ code: string }>(403, "/stock/receipts", {
      json: { ingredientId: flour.id, quantity: "1", totalCost: 1, lotCode: "X" },
    });
    expect(refused.code).toBe("forbidden");
    await analyst.expect(403, "/ingredients", { json: { name: "Salt", unit: "kg" } });

    const operator = await memberOf(owner, () => e2e.newClient(), "operator");
    await operator.expect(201, "/ingredients", { json: { name: "Salt", unit: "kg" } });
    expect((await e2e.client.request("/api/v1/production/stock")).status).toBe(401);
  });

  it("answers 404 for another organization's ids, on reads and writes alike", async () => {
    const stranger = await organizationWithOwner(() => e2e.newClient());
    const order = await startedOrder();
    for (const path of [
      `/ingredients/${flour.id}`,
      `/products/${croissant.id}`,
      `/products/${croissant.id}/recipe`,
      `/lots/${lot.id}`,
      `/lots/${lot.id}/trace`,
      `/orders/${order.id}`,
    ]) {
      expect((await stranger.expect<{ code: string }>(404, path)).code).toBe("not-found");
    }
    await stranger.expect(404, `/ingredients/${flour.id}`, { method: "PATCH", json: { name: "Mine" } });
    await stranger.expect(404, `/orders/${order.id}/complete`, { json: { producedQuantity: "12" } });
    await stranger.expect(404, `/orders/${order.id}/cancel`, { method: "POST" });
    await stranger.expect(404, "/stock/adjustments", { json: { lotId: lot.id, quantity: "-1", reason: "waste" } });
    await stranger.expect(404, "/stock/receipts", {
      json: { ingredientId: flour.id, quantity: "1", totalCost: 1, lotCode: "S" },
    });
    await stranger.expect(404, "/orders", {
      json: { productId: croissant.id, quantity: "1", plannedFor: dayFromToday(0) },
    });
    await stranger.expect(404, "/lots/not-a-uuid");
    await stranger.expect(404, `/orders/${order.id}/start`, { method: "POST" });
    await stranger.expect(404, `/products/${croissant.id}`, { method: "PATCH", json: { name: "Mine" } });
    const foreignRecipe = { yieldQuantity: "1", items: [{ ingredientId: flour.id, quantity: "1" }] };
    await stranger.expect(404, `/products/${croissant.id}/recipe`, { method: "PUT", json: foreignRecipe });
    // Another organization's ingredient inside the stranger's own recipe is an id it cannot see, too.
    const own = await stranger.expect<Json>(201, "/products", {
      json: { name: "Bolo", sku: "BOLO-1", unit: "unit", shelfLifeDays: 2 },
    });
    expect(
      await stranger.expect(404, `/products/${own.id}/recipe`, { method: "PUT", json: foreignRecipe }),
    ).toMatchObject({ code: "not-found", detail: expect.stringContaining("/items/0/ingredientId") });
    expect(await owner.expect(200, `/lots/${lot.id}`)).toMatchObject({ remainingQuantity: "2" });
    expect(await owner.expect(200, `/products/${croissant.id}`)).toMatchObject({ name: croissant.name });
  });

  it("refuses every illegal transition with 409 and keeps the order as it was", async () => {
    const planned = await owner.expect<Json>(201, "/orders", {
      json: { productId: croissant.id, quantity: "12", plannedFor: dayFromToday(0) },
    });
    const problem = await owner.expect<{ code: string; from: string; to: string }>(
      409,
      `/orders/${planned.id}/complete`,
      {
        json: { producedQuantity: "12" },
      },
    );
    expect(problem).toMatchObject({ code: "illegal-transition", from: "planned", to: "completed" });

    const running = await startedOrder();
    expect(await owner.expect(409, `/orders/${running.id}/start`, { method: "POST" })).toMatchObject({
      from: "in_progress",
      to: "in_progress",
    });

    const done = await startedOrder();
    await owner.expect(200, `/orders/${done.id}/complete`, { json: { producedQuantity: "12" } });
    for (const [verb, to] of [
      ["start", "in_progress"],
      ["cancel", "cancelled"],
    ] as const) {
      expect(await owner.expect(409, `/orders/${done.id}/${verb}`, { method: "POST" })).toMatchObject({
        from: "completed",
        to,
      });
    }
    expect(await owner.expect(409, `/orders/${done.id}/complete`, { json: { producedQuantity: "1" } })).toMatchObject({
      from: "completed",
    });

    const cancelled = await startedOrder();
    await owner.expect(200, `/orders/${cancelled.id}/cancel`, { method: "POST" });
    for (const verb of ["start", "cancel"]) {
      expect(await owner.expect(409, `/orders/${cancelled.id}/${verb}`, { method: "POST" })).toMatchObject({
        from: "cancelled",
      });
    }
    expect(
      await owner.expect(409, `/orders/${cancelled.id}/complete`, { json: { producedQuantity: "1" } }),
    ).toMatchObject({ from: "cancelled" });
    expect(await owner.expect(200, `/orders/${cancelled.id}`)).toMatchObject({ status: "cancelled", cost: null });

    // Each refusal is audited (spec §8): outcome failure, the error code, the order as resource.
    const audit = await owner.client.request(`/api/v1/audit?action=production.order.started`, { token: owner.token });
    const entries = ((await audit.json()) as { items: Json[] }).items.filter((e) => e.outcome === "failure");
    expect(entries.map((e) => [e.resourceId, (e.metadata as { reason: string }).reason]).sort()).toEqual(
      [running.id, done.id, cancelled.id].map((id) => [id, "illegal-transition"]).sort(),
    );
  });

  it("refuses a completion short of stock with every shortage, changing nothing", async () => {
    const before = await owner.expect(200, "/stock");
    const order = await startedOrder("1200");
    const problem = await owner.expect(409, `/orders/${order.id}/complete`, { json: { producedQuantity: "1200" } });
    expect(problem).toMatchObject({
      code: "insufficient-stock",
      shortages: [{ ingredientId: flour.id, name: "Flour", unit: "kg", required: "100", available: "1" }],
    });
    expect(await owner.expect(200, "/stock")).toEqual(before);
    expect(await owner.expect(200, `/orders/${order.id}`)).toMatchObject({ status: "in_progress" });
  });

  it("answers 422 for malformed quantities, naming the field", async () => {
    for (const quantity of ["1.2345", "1e3", "12,5", " 1", "+1", "", "abc", 12]) {
      const problem = await owner.expect<{ code: string; errors: { pointer: string }[] }>(422, "/stock/receipts", {
        json: { ingredientId: flour.id, quantity, totalCost: 100, lotCode: "BAD" },
      });
      expect(problem.code).toBe("validation-failed");
      expect(problem.errors.map((e) => e.pointer)).toContain("/quantity");
    }
    await owner.expect(422, "/stock/receipts", {
      json: { ingredientId: flour.id, quantity: "0", totalCost: 100, lotCode: "ZERO" },
    });
    await owner.expect(422, "/stock/receipts", {
      json: { ingredientId: flour.id, quantity: "1", totalCost: 1.5, lotCode: "CENTS" },
    });
    await owner.expect(422, "/orders", {
      json: { productId: croissant.id, quantity: "-3", plannedFor: dayFromToday(0) },
    });
    await owner.expect(422, "/orders", { json: { productId: croissant.id, quantity: "3", plannedFor: "2026-02-30" } });
    await owner.expect(422, `/products/${croissant.id}/recipe`, {
      method: "PUT",
      json: { yieldQuantity: "0.0001", items: [{ ingredientId: flour.id, quantity: "1" }] },
    });
    await owner.expect(422, "/stock/adjustments", { json: { lotId: lot.id, quantity: "0", reason: "count" } });
    const order = await startedOrder();
    await owner.expect(422, `/orders/${order.id}/complete`, { json: { producedQuantity: "twelve" } });
    expect(
      await owner.expect(409, "/stock/adjustments", { json: { lotId: lot.id, quantity: "-50", reason: "waste" } }),
    ).toMatchObject({
      code: "lot-below-zero",
    });
  });

  it("replays a receipt with the same Idempotency-Key and refuses the key with another body", async () => {
    const body = { ingredientId: flour.id, quantity: "7", totalCost: 700, lotCode: "IDEM" };
    const headers = { "Idempotency-Key": "receipt-idem-1" };
    const first = await owner.expect<{ lot: Json }>(201, "/stock/receipts", { json: body, headers });
    const again = await owner.request("/stock/receipts", { json: body, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotency-replayed")).toBe("true");
    expect(((await again.json()) as { lot: Json }).lot.id).toBe(first.lot.id);
    await owner.expect(422, "/stock/receipts", { json: { ...body, quantity: "8" }, headers });
    const lots = await owner.expect<{ items: Json[] }>(200, `/lots?itemId=${flour.id}`);
    expect(lots.items.filter((l) => l.code === "IDEM")).toHaveLength(1);
  });

  it("SKUs are unique per organization", async () => {
    expect(await owner.expect(409, "/products", { json: { name: "Other", sku: "CRO", unit: "unit" } })).toMatchObject({
      code: "sku-taken",
    });
    const stranger = await organizationWithOwner(() => e2e.newClient());
    await stranger.expect(201, "/products", { json: { name: "Theirs", sku: "CRO", unit: "unit" } });
  });
});
