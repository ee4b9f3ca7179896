import { randomUUID } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { PlatformTokens } from "@/shared/infrastructure/platform.tokens";
import { useAuthE2e } from "../../auth/e2e/support/use-auth-e2e";
import { countOf, loseStoredResponse as lose } from "../../support/lost-stored-response";
import { dayFromToday, organizationWithOwner, type ProductionActor } from "./production-client";

type Json = Record<string, unknown> & { id: string };

/**
 * ADR 0007: the middleware stores a response after the write committed. When that store is lost (the
 * instance died in between), the key's claim expires and the retry runs the handler again; production's
 * backstop must answer with what the first request created, and move stock once. The lost store is
 * simulated by deleting the middleware's row for the key, as the tax issue-retry test does.
 */
describe("a retried production write whose stored response was lost", () => {
  const e2e = useAuthE2e();
  const database = () => e2e.app.app.container.resolve(PlatformTokens.Database);

  async function bakery(): Promise<{ owner: ProductionActor; flour: string; croissant: string }> {
    const owner = await organizationWithOwner(() => e2e.newClient());
    const flour = await owner.expect<Json>(201, "/ingredients", { json: { name: "Flour", unit: "kg" } });
    const croissant = await owner.expect<Json>(201, "/products", {
      json: { name: "Croissant", sku: "CRO", unit: "unit" },
    });
    await owner.expect(200, `/products/${croissant.id}/recipe`, {
      method: "PUT",
      json: { yieldQuantity: "12", items: [{ ingredientId: flour.id, quantity: "1" }] },
    });
    return { owner, flour: flour.id, croissant: croissant.id };
  }

  const loseStoredResponse = (key: string) => lose(database().db, key);

  /** Everything these writes touch, for one organization. */
  async function written(organizationId: string) {
    const count = (query: SQL) => countOf(database().db, query);
    return {
      orders: await count(sql`select count(*) n from production.orders where organization_id = ${organizationId}`),
      lots: await count(sql`select count(*) n from production.lots where organization_id = ${organizationId}`),
      movements: await count(
        sql`select count(*) n from production.stock_movements where organization_id = ${organizationId}`,
      ),
      onHandMilli: await count(
        sql`select coalesce(sum(quantity_milli), 0) n from production.stock_items where organization_id = ${organizationId}`,
      ),
      successAudits: await count(
        sql`select count(*) n from platform.audit_entries
            where organization_id = ${organizationId} and action like 'production.%' and outcome = 'success'`,
      ),
    };
  }

  /** Sends `body` with `key`, loses the stored response, retries; then another body with the same key. */
  async function retried(owner: ProductionActor, path: string, body: object, other: object) {
    const key = randomUUID();
    const send = (json: object) => owner.request(path, { json, headers: { "Idempotency-Key": key } });
    const first = await send(body);
    const firstBody = await first.text();
    expect(first.status, firstBody).toBe(201);
    const before = await written(owner.organizationId);

    await loseStoredResponse(key);
    const retry = await send(body);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotency-replayed")).toBeNull(); // answered by the handler, not the middleware
    expect(retry.headers.get("location")).toBe(first.headers.get("location"));
    expect(JSON.parse(await retry.text())).toEqual(JSON.parse(firstBody));
    expect(await written(owner.organizationId)).toEqual(before);

    await loseStoredResponse(key);
    const refused = await send(other);
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { code: string }).code).toBe("idempotency-key-reused");
    expect(await written(owner.organizationId)).toEqual(before);
    return { first: JSON.parse(firstBody) as Json, before };
  }

  it("answers an order retry with the first order, and another body with 422", async () => {
    const { owner, croissant } = await bakery();
    const body = { productId: croissant, quantity: "12", plannedFor: dayFromToday(1) };
    const { first, before } = await retried(owner, "/orders", body, { ...body, quantity: "24" });
    expect(before).toMatchObject({ orders: 1, successAudits: 4 }); // ingredient, product, recipe, order
    expect(first.status).toBe("planned");
  });

  it("answers a receipt retry with the first lot, and stock moves once", async () => {
    const { owner, flour } = await bakery();
    const body = { ingredientId: flour, quantity: "2", totalCost: 300, lotCode: "F-1", expiresOn: dayFromToday(5) };
    const { before } = await retried(owner, "/stock/receipts", body, { ...body, quantity: "3" });
    expect(before).toMatchObject({ lots: 1, movements: 1, onHandMilli: 2000 });
  });

  it("answers an adjustment retry with the first adjustment, and stock moves once", async () => {
    const { owner, flour } = await bakery();
    const received = await owner.expect<{ lot: Json }>(201, "/stock/receipts", {
      json: { ingredientId: flour, quantity: "2", totalCost: 300, lotCode: "F-1" },
    });
    const body = { lotId: received.lot.id, quantity: "-0.5", reason: "waste" };
    const { first, before } = await retried(owner, "/stock/adjustments", body, { ...body, quantity: "-0.25" });
    expect(before).toMatchObject({ lots: 1, movements: 2, onHandMilli: 1500 });
    expect(first).toMatchObject({ lot: { remainingQuantity: "1.5" }, movement: { kind: "adjustment" } });
  });
});
