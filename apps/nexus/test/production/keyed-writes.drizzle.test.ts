import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { unwrap } from "@/shared/domain/result";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { queryRows } from "@/shared/infrastructure/database/database-client";
import { expectErr } from "../support/expectations";
import { countOf } from "../support/lost-stored-response";
import { bakery, freshBakeryPerTest, receive } from "./production-kit";

/**
 * The backstop of ADR 0007 on the use cases: a key recorded with what it created answers a retry
 * (even a concurrent twin, possible once the middleware's claim expired) with that resource, and
 * another body with 422. On PGlite the twins' transactions run one after the other; with
 * DATABASE_URL the second waits on the key's unique index for the first commit.
 */
describe("production writes with an Idempotency-Key", () => {
  const t = freshBakeryPerTest();

  const request = { key: "retry-1", requestHash: "a".repeat(64) };
  const otherBody = { ...request, requestHash: "b".repeat(64) };
  const count = (table: "orders" | "lots" | "stock_movements") =>
    countOf(
      t.kit.database.client.db,
      sql`select count(*) n from ${sql.raw(`production.${table}`)} where organization_id = ${t.kit.organizationId}`,
    );
  const refusals = async () =>
    queryRows<{ reason: string }>(
      t.kit.database.client.db,
      sql`select metadata->>'reason' reason from platform.audit_entries
          where organization_id = ${t.kit.organizationId} and outcome = 'failure'`,
    );

  it("two concurrent plans with one key plan one order; another body is refused and audited", async () => {
    const plan = (r = request) =>
      t.kit.plan.execute({
        organizationId: t.kit.organizationId,
        productId: t.ids.croissant,
        quantity: "12",
        plannedFor: "2026-01-10",
        request: r,
      });
    const twins = (await Promise.all([plan(), plan()])).map(unwrap);
    expect(twins[1]).toEqual(twins[0]);
    expect(await count("orders")).toBe(1);
    expectErr(await plan(otherBody), "idempotency-key-reused");
    expect(await refusals()).toEqual([{ reason: "idempotency-key-reused" }]);
    // Another organization's identical key is its own.
    const stranger = Uuid.generate();
    const theirs = await bakery(t.kit, stranger);
    const planned = unwrap(
      await t.kit.plan.execute({
        organizationId: stranger,
        productId: theirs.croissant,
        quantity: "12",
        plannedFor: "2026-01-10",
        request,
      }),
    );
    expect(planned.id).not.toBe(twins[0]?.id);
  });

  it("two concurrent receipts with one key receive one lot, and stock moves once", async () => {
    const receipt = () =>
      t.kit.receive.execute({
        organizationId: t.kit.organizationId,
        ingredientId: t.ids.flour,
        quantity: "2",
        totalCost: 300,
        lotCode: "F-1",
        request,
      });
    const twins = (await Promise.all([receipt(), receipt()])).map(unwrap);
    expect(twins[1]).toEqual(twins[0]);
    expect({ lots: await count("lots"), movements: await count("stock_movements") }).toEqual({ lots: 1, movements: 1 });
    const stock = unwrap(await t.kit.queries.stock(t.kit.organizationId, { limit: 10, cursor: null }));
    expect(stock.items.find((s) => s.itemId === t.ids.flour)?.quantity).toBe("2");
  });

  it("a retried adjustment gets its adjustment even after the lot was used up, not lot-below-zero", async () => {
    const lot = await receive(t.kit, t.ids.flour, "2", 300, null);
    const adjust = (quantity: string, r = request) =>
      t.kit.adjust.execute({ organizationId: t.kit.organizationId, lotId: lot, quantity, reason: "waste", request: r });
    const first = unwrap(await adjust("-1.5"));
    unwrap(await adjust("-0.5", { key: "retry-2", requestHash: "c".repeat(64) }));
    const retry = unwrap(await adjust("-1.5"));
    expect(retry.movement).toEqual(first.movement);
    expect(retry.lot.remainingQuantity).toBe("0"); // the lot as it is now
    expect(await count("stock_movements")).toBe(3);
    expectErr(await adjust("-1", otherBody), "idempotency-key-reused");
  });
});
