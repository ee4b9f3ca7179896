import { describe, expect, it } from "vitest";
import { CreditNoteIssuedV1 } from "@/contexts/tax/contracts/credit-note-issued.event";
import { InvoiceCancelledV1 } from "@/contexts/tax/contracts/invoice-cancelled.event";
import { InvoiceIssuedV1 } from "@/contexts/tax/contracts/invoice-issued.event";
import { Uuid } from "@/shared/domain/uuid.value-object";
import type { EventContract, IntegrationEvent } from "@/shared/infrastructure/events/integration-event";
import { PlatformTokens } from "@/shared/infrastructure/platform.tokens";
import { useAuthE2e } from "../../auth/e2e/support/use-auth-e2e";
import { dayFromToday, organizationWithOwner, type ProductionActor } from "./production-client";

type Json = Record<string, unknown> & { id: string };

/**
 * production's consumers of tax's events, fed events built (and validated) with the schemas of
 * tax/contracts and delivered twice: each applies once (the dispatcher's inbox, and the sale record).
 */
describe("consuming tax events", () => {
  const e2e = useAuthE2e();

  const event = <T>(
    contract: EventContract<T>,
    organizationId: string,
    aggregateId: Uuid,
    payload: T,
  ): IntegrationEvent<T> => ({
    id: Uuid.generate(),
    type: contract.type,
    version: contract.version,
    organizationId: organizationId as Uuid,
    aggregateId,
    occurredAt: new Date().toISOString(),
    payload: contract.schema.parse(payload),
  });
  const deliverTwice = async (delivered: IntegrationEvent) => {
    const { dispatcher } = e2e.app.app.container.resolve(PlatformTokens.EventBus);
    await dispatcher.dispatch(delivered);
    await dispatcher.dispatch(delivered);
  };

  async function bakeryWithCroissants(owner: ProductionActor): Promise<{ croissant: Json; productLot: Json }> {
    const flour = await owner.expect<Json>(201, "/ingredients", { json: { name: "Flour", unit: "kg" } });
    await owner.expect(201, "/stock/receipts", {
      json: { ingredientId: flour.id, quantity: "10", totalCost: 1000, lotCode: "F" },
    });
    const croissant = await owner.expect<Json>(201, "/products", {
      json: { name: "Croissant", sku: "CRO", unit: "unit", shelfLifeDays: 3 },
    });
    await owner.expect(200, `/products/${croissant.id}/recipe`, {
      method: "PUT",
      json: { yieldQuantity: "10", items: [{ ingredientId: flour.id, quantity: "1" }] },
    });
    const order = await owner.expect<Json>(201, "/orders", {
      json: { productId: croissant.id, quantity: "30", plannedFor: dayFromToday(0) },
    });
    await owner.expect(200, `/orders/${order.id}/start`, { method: "POST" });
    const done = await owner.expect<Json>(200, `/orders/${order.id}/complete`, { json: { producedQuantity: "30" } });
    expect(done.cost).toBe(300);
    return { croissant, productLot: await owner.expect<Json>(200, `/lots/${done.productLotId}`) };
  }

  it("ships an invoice once, restocks a credit note once, reverses a cancellation once", async () => {
    const owner = await organizationWithOwner(() => e2e.newClient());
    const { croissant, productLot } = await bakeryWithCroissants(owner);
    const invoiceId = Uuid.generate();
    const line = {
      lineNumber: 1,
      productId: croissant.id,
      productName: "Croissant",
      sku: "CRO",
      unit: "unit",
      unitPrice: 100,
      tax: 0,
      taxes: [],
    };
    const issued = {
      invoiceId,
      number: "2026-000007",
      issueDate: dayFromToday(0),
      currency: "EUR",
      customer: { name: "Mercearia", taxId: null },
      lines: [{ ...line, quantity: "35", net: 3500 }],
      totals: { net: 3500, tax: 0, gross: 3500 },
    };
    await deliverTwice(event(InvoiceIssuedV1, owner.organizationId, invoiceId, issued));
    // 30 from the lot (all of it: 300) and 5 short at the average cost of what was on hand (10 each: 50)
    expect(await owner.expect(200, `/lots/${productLot.id}`)).toMatchObject({
      remainingQuantity: "0",
      remainingValue: 0,
    });
    const stock = await owner.expect<{ items: Json[] }>(200, "/stock");
    expect(stock.items.find((s) => s.itemId === croissant.id)).toMatchObject({
      quantity: "0",
      shortfallQuantity: "5",
      shortfallValue: 50,
      hasShortfall: true,
    });

    const creditNoteId = Uuid.generate();
    await deliverTwice(
      event(CreditNoteIssuedV1, owner.organizationId, invoiceId, {
        creditNoteId,
        number: "CN-2026-000001",
        invoiceId,
        invoiceNumber: issued.number,
        issueDate: dayFromToday(0),
        restock: true,
        currency: "EUR",
        lines: [{ lineNumber: 1, productId: croissant.id, quantity: "8", unitPrice: 100, net: 800, tax: 0, taxes: [] }],
        totals: { net: 800, tax: 0, gross: 800 },
      }),
    );
    // The 5 unallocated first, then 3 back into the lot they left, at 3 × 300 / 30 = 30.
    expect(await owner.expect(200, `/lots/${productLot.id}`)).toMatchObject({
      remainingQuantity: "3",
      remainingValue: 30,
    });

    await deliverTwice(
      event(InvoiceCancelledV1, owner.organizationId, invoiceId, {
        invoiceId,
        number: issued.number,
        issueDate: issued.issueDate,
        cancelledAt: new Date().toISOString(),
        reason: "issued in error",
        currency: "EUR",
        totals: issued.totals,
      }),
    );
    expect(await owner.expect(200, `/lots/${productLot.id}`)).toMatchObject({
      remainingQuantity: "30",
      remainingValue: 300,
    });
    const after = await owner.expect<{ items: Json[] }>(200, "/stock");
    expect(after.items.find((s) => s.itemId === croissant.id)).toMatchObject({
      quantity: "30",
      value: 300,
      hasShortfall: false,
    });

    const movements = await owner.expect<{ items: Json[] }>(200, `/stock/movements?itemId=${croissant.id}`);
    expect(movements.items.map((m) => [m.kind, m.quantity, m.value, m.balanceQuantity])).toEqual([
      ["output", "30", 300, "30"],
      ["sale", "-30", -300, "0"],
      ["sale", "-5", -50, "-5"],
      ["sale-reversal", "5", 50, "0"],
      ["sale-reversal", "3", 30, "3"],
      ["sale-reversal", "27", 270, "30"],
    ]);
  });
});
