import { describe, expect, it } from "vitest";
import {
  BREAD,
  CAKE,
  creditNoteIssued,
  goodsReturned,
  goodsShipped,
  invoiceCancelled,
  invoiceIssued,
  ORG,
  orderCompleted,
  organizationCreated,
} from "../../../../test/bi/support/bi-events.fixtures";
import { projectEvent } from "./event-projector";
import { InMemoryProjectionStore } from "./in-memory.projection-store";
import type { ProjectedEvent } from "./projected-events";

async function project(...events: ProjectedEvent[]) {
  const store = new InMemoryProjectionStore(ORG);
  for (const event of events) await projectEvent(store, event);
  return store.snapshot();
}

function day(snapshot: Awaited<ReturnType<typeof project>>, date: string, productId: string | null = null) {
  const row = snapshot.facts.find((f) => f.day === date && f.productId === productId)?.measures;
  return row
    ? {
        revenueNet: row.revenueNet.minor,
        tax: row.tax.minor,
        invoices: row.invoiceCount,
        units: row.unitsSold.toString(),
        produced: row.unitsProduced.toString(),
        productionCost: row.productionCost.minor,
        cogs: row.costOfGoodsSold.minor,
      }
    : undefined;
}

const bread = (quantity: string, net: number, tax: number) => ({
  productId: BREAD,
  quantity,
  unitPrice: 250,
  net,
  tax,
});
const cake = (quantity: string, net: number, tax: number) => ({ productId: CAKE, quantity, unitPrice: 1800, net, tax });

describe("event projector", () => {
  it("books invoices on their issue date, per product and per day", async () => {
    const s = await project(
      invoiceIssued("2026-03-02", [bread("2", 500, 115), cake("1", 1800, 414)]),
      invoiceIssued("2026-03-02", [bread("1.5", 375, 86)]),
    );
    expect(day(s, "2026-03-02")).toMatchObject({ revenueNet: 2675n, tax: 615n, invoices: 2, units: "4.5" });
    expect(day(s, "2026-03-02", BREAD)).toMatchObject({ revenueNet: 875n, units: "3.5" });
  });

  it("applies a redelivered event once", async () => {
    const issued = invoiceIssued("2026-03-02", [bread("2", 500, 115)]);
    const s = await project(issued, issued);
    expect(day(s, "2026-03-02")).toMatchObject({ revenueNet: 500n, invoices: 1 });
  });

  it("removes a cancelled invoice entirely, whichever event arrives first", async () => {
    const issued = invoiceIssued("2026-03-02", [bread("2", 500, 115)]);
    const cancelled = invoiceCancelled(issued);
    for (const order of [
      [issued, cancelled],
      [cancelled, issued],
    ]) {
      const s = await project(...order, invoiceIssued("2026-03-02", [cake("1", 1800, 414)]));
      expect(day(s, "2026-03-02")).toMatchObject({ revenueNet: 1800n, tax: 414n, invoices: 1, units: "1" });
      expect(day(s, "2026-03-02", BREAD)?.revenueNet ?? 0n).toBe(0n);
    }
  });

  it("subtracts a credit note on its own issue date", async () => {
    const issued = invoiceIssued("2026-03-30", [bread("4", 1000, 230)]);
    const s = await project(issued, creditNoteIssued(issued, "2026-04-02", [bread("1", 250, 58)]));
    expect(day(s, "2026-03-30")).toMatchObject({ revenueNet: 1000n, tax: 230n, invoices: 1 });
    expect(day(s, "2026-04-02")).toMatchObject({ revenueNet: -250n, tax: -58n, invoices: 0, units: "-1" });
  });

  it("dates production in the organization's time zone", async () => {
    const s = await project(
      organizationCreated("America/New_York"),
      orderCompleted(BREAD, "40", 3210, "2026-03-03T02:00:00Z"), // 22:00 on 2 March in New York
    );
    expect(day(s, "2026-03-02", BREAD)).toMatchObject({ produced: "40", productionCost: 3210n });
    expect(s.organization?.currency).toBe("EUR");
  });

  it("costs goods on the invoice's date and takes them back on cancellation or restock", async () => {
    const issued = invoiceIssued("2026-03-02", [bread("2", 500, 115)]);
    const note = creditNoteIssued(issued, "2026-03-05", [bread("1", 250, 58)], true);
    const s = await project(
      issued,
      goodsShipped(issued, [{ productId: BREAD, quantity: "2", cost: 160 }]),
      note,
      goodsReturned(issued, [{ productId: BREAD, quantity: "1", cost: 80 }], note),
    );
    expect(day(s, "2026-03-02", BREAD)).toMatchObject({ cogs: 160n });
    expect(day(s, "2026-03-05", BREAD)).toMatchObject({ cogs: -80n, revenueNet: -250n });

    const other = invoiceIssued("2026-03-06", [cake("1", 1800, 414)]);
    const t = await project(
      other,
      goodsShipped(other, [{ productId: CAKE, quantity: "1", cost: 900 }]),
      invoiceCancelled(other),
      goodsReturned(other, [{ productId: CAKE, quantity: "1", cost: 900 }], null),
    );
    expect(day(t, "2026-03-06")).toMatchObject({ revenueNet: 0n, cogs: 0n, invoices: 0 });
  });
});
