import { describe, expect, it } from "vitest";
import { InvoiceIssuedV1 } from "@/contexts/tax/contracts/invoice-issued.event";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { PlatformTokens } from "@/shared/infrastructure/platform.tokens";
import { useAuthE2e } from "../../auth/e2e/support/use-auth-e2e";
import { waitUntil } from "../../support/wait";
import { dayFromToday, organizationWithOwner } from "./production-client";

type Json = Record<string, unknown> & { id: string };
type Page<T = Record<string, unknown>> = { items: T[]; nextCursor: string | null };

/**
 * The issue's "Done when", through the API alone. By hand: flour lot A 3 kg for 1000 (expires first),
 * lot B 25 kg for 2500, butter 5 kg for 4999. A croissant: 12 from 1 kg flour and 0.25 kg butter.
 * 30 croissants take 2.5 kg of A: 2.5 × 1000 / 3 = 833.33 → 833, and 0.625 kg of butter:
 * 0.625 × 4999 / 5 = 624.875 → 625. The order costs 1458, the product lot is worth exactly that.
 */
describe("production walkthrough: two flour lots, butter, croissants", () => {
  const e2e = useAuthE2e();

  it("costs, ledger, stock, allergens, trace (JSON and CSV) come out as computed by hand", async () => {
    const operator = await organizationWithOwner(() => e2e.newClient());
    const flour = await operator.expect<Json>(201, "/ingredients", {
      json: { name: "Flour T65", unit: "kg", allergens: ["gluten"], supplier: "Moagem Ribeiro" },
    });
    const butter = await operator.expect<Json>(201, "/ingredients", {
      json: { name: "Butter", unit: "kg", allergens: ["milk"], reorderLevel: "10" },
    });
    const receipt = (ingredientId: string, quantity: string, totalCost: number, lotCode: string, expiresIn: number) =>
      operator.expect<{ lot: Json }>(201, "/stock/receipts", {
        json: { ingredientId, quantity, totalCost, lotCode, expiresOn: dayFromToday(expiresIn) },
        headers: { "Idempotency-Key": `receipt-${lotCode}` },
      });
    const lotA = (await receipt(flour.id, "3", 1000, "FLOUR-A", 10)).lot;
    const lotB = (await receipt(flour.id, "25", 2500, "FLOUR-B", 60)).lot;
    const butterLot = (await receipt(butter.id, "5", 4999, "BUTTER-1", 30)).lot;

    const croissant = await operator.expect<Json>(201, "/products", {
      json: { name: "Croissant", sku: "CRO-1", unit: "unit", shelfLifeDays: 2 },
    });
    await operator.expect(200, `/products/${croissant.id}/recipe`, {
      method: "PUT",
      json: {
        yieldQuantity: "12",
        items: [
          { ingredientId: flour.id, quantity: "1" },
          { ingredientId: butter.id, quantity: "0.25" },
        ],
      },
    });
    expect(await operator.expect(200, `/products/${croissant.id}`)).toMatchObject({
      allergens: ["gluten", "milk"],
      recipeVersion: 1,
    });

    const order = await operator.expect<Json>(201, "/orders", {
      json: { productId: croissant.id, quantity: "30", plannedFor: dayFromToday(0) },
      headers: { "Idempotency-Key": "order-1" },
    });
    expect(order).toMatchObject({ status: "planned", recipeVersion: 1 });
    await operator.expect(200, `/orders/${order.id}/start`, { method: "POST" });
    const completed = await operator.expect<Json>(200, `/orders/${order.id}/complete`, {
      json: { producedQuantity: "30" },
    });
    expect(completed).toMatchObject({ status: "completed", producedQuantity: "30", cost: 1458 });

    expect(await operator.expect(200, `/lots/${lotA.id}`)).toMatchObject({
      remainingQuantity: "0.5",
      remainingValue: 167,
    });
    expect(await operator.expect(200, `/lots/${lotB.id}`)).toMatchObject({
      remainingQuantity: "25",
      remainingValue: 2500,
    });
    expect(await operator.expect(200, `/lots/${butterLot.id}`)).toMatchObject({
      remainingQuantity: "4.375",
      remainingValue: 4374,
    });
    const productLot = await operator.expect<Json>(200, `/lots/${completed.productLotId}`);
    expect(productLot).toMatchObject({
      itemKind: "product",
      quantity: "30",
      totalCost: 1458,
      remainingValue: 1458,
      unitCost: "48.6000",
      expiresOn: dayFromToday(2),
      allergens: ["gluten", "milk"],
    });

    const ledger = await operator.expect<Page>(200, `/stock/movements?itemId=${flour.id}`);
    expect(ledger.items.map((m) => [m.kind, m.quantity, m.value, m.balanceQuantity, m.balanceValue])).toEqual([
      ["receipt", "3", 1000, "3", 1000],
      ["receipt", "25", 2500, "28", 3500],
      ["consumption", "-2.5", -833, "25.5", 2667],
    ]);
    const stock = await operator.expect<Page>(200, "/stock");
    const byItem = new Map(stock.items.map((s) => [s.itemId, s]));
    expect(byItem.get(flour.id)).toMatchObject({
      quantity: "25.5",
      value: 2667,
      averageUnitCost: "104.5882",
      nearestExpiry: dayFromToday(10),
    });
    expect(byItem.get(butter.id)).toMatchObject({
      quantity: "4.375",
      value: 4374,
      averageUnitCost: "999.7714",
      belowReorderLevel: true,
    });
    expect(byItem.get(croissant.id)).toMatchObject({
      quantity: "30",
      value: 1458,
      averageUnitCost: "48.6000",
      hasShortfall: false,
    });

    // An invoice issued by tax arrives as an event: 10 croissants leave the product lot (10 × 1458 / 30 = 486).
    const outbox = e2e.app.app.container.resolve(PlatformTokens.Outbox);
    const invoiceId = Uuid.generate();
    await outbox.publish(InvoiceIssuedV1, {
      organizationId: operator.organizationId as Uuid,
      aggregateId: invoiceId,
      payload: {
        invoiceId,
        number: "2026-000001",
        issueDate: dayFromToday(0),
        currency: "EUR",
        customer: { name: "Café Central, Lda", taxId: "PT509999990" },
        lines: [
          {
            lineNumber: 1,
            productId: croissant.id,
            productName: "Croissant",
            sku: "CRO-1",
            unit: "unit",
            quantity: "10",
            unitPrice: 120,
            net: 1200,
            tax: 72,
            taxes: [{ code: "VAT6", rateBasisPoints: 600, amount: 72 }],
          },
        ],
        totals: { net: 1200, tax: 72, gross: 1272 },
      },
    });
    await waitUntil(
      async () => (await operator.expect<Json>(200, `/lots/${productLot.id}`)).remainingQuantity === "20",
      10_000,
      "the invoice event to ship 10 croissants",
    );
    expect(await operator.expect(200, `/lots/${productLot.id}`)).toMatchObject({
      remainingQuantity: "20",
      remainingValue: 972,
    });

    const trace = await operator.expect<Record<string, unknown>>(200, `/lots/${lotA.id}/trace`);
    expect(trace).toMatchObject({
      lot: { code: "FLOUR-A", itemName: "Flour T65", supplier: "Moagem Ribeiro" },
      usedIn: [
        {
          orderId: order.id,
          productName: "Croissant",
          quantity: "2.5",
          cost: 833,
          productLot: { id: productLot.id, code: productLot.code },
        },
      ],
      shipments: [
        { invoiceId, number: "2026-000001", customer: "Café Central, Lda", quantity: "10", cancelled: false },
      ],
    });
    const csv = await operator.request(`/lots/${lotA.id}/trace`, { headers: { accept: "text/csv" } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toContain("lot-FLOUR-A-trace.csv");
    const lines = (await csv.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "relation,lot_code,lot_kind,item,supplier,order_id,product,product_lot_code,ingredient_lot_code,expires_on,invoice_number,invoice_date,customer,quantity,cost",
    );
    expect(lines).toContain(
      `used-in-order,FLOUR-A,ingredient,Flour T65,Moagem Ribeiro,${order.id},Croissant,${productLot.code},,${dayFromToday(2)},,,,2.5,833`,
    );
    expect(lines).toContain(
      `shipped-on-invoice,FLOUR-A,ingredient,Flour T65,Moagem Ribeiro,,,${productLot.code},,,2026-000001,${dayFromToday(0)},"Café Central, Lda",10,`,
    );

    const backward = await operator.expect<Record<string, unknown>>(200, `/lots/${productLot.id}/trace`);
    expect(backward).toMatchObject({
      consumed: [
        { code: "BUTTER-1", ingredientName: "Butter", quantity: "0.625", cost: 625, expiresOn: dayFromToday(30) },
        { code: "FLOUR-A", ingredientName: "Flour T65", supplier: "Moagem Ribeiro", quantity: "2.5", cost: 833 },
      ],
    });

    const audit = await operator.client.request("/api/v1/audit?action=production.lot.traced", {
      token: operator.token,
    });
    const entries = (await audit.json()) as Page;
    expect(entries.items.map((e) => (e.metadata as { format: string }).format).sort()).toEqual(["csv", "json", "json"]);
  });
});
