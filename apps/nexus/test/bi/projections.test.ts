import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GetKpisUseCase } from "@/contexts/bi/application/use-cases/get-kpis.use-case";
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
} from "./support/bi-events.fixtures";
import { createProjectionHarness, type ProjectionHarness } from "./support/bi-projection-harness";

const bread = (quantity: string, net: number, tax: number) => ({
  productId: BREAD,
  quantity,
  unitPrice: 250,
  net,
  tax,
});
const cake = (quantity: string, net: number, tax: number) => ({ productId: CAKE, quantity, unitPrice: 1800, net, tax });

describe("bi projections over the outbox, the relay and the inbox", () => {
  let h: ProjectionHarness;
  const kpis = (from: string, to: string) =>
    new GetKpisUseCase({ reader: h.reader, clock: { now: () => new Date("2026-04-30T12:00:00Z") } }).execute({
      organizationId: ORG,
      from,
      to,
    });

  beforeAll(async () => {
    h = await createProjectionHarness();
    const first = invoiceIssued("2026-03-02", [bread("4", 1000, 230), cake("1", 1800, 414)]);
    const cancelled = invoiceIssued("2026-03-03", [cake("2", 3600, 828)]);
    const note = creditNoteIssued(first, "2026-04-01", [bread("1", 250, 58)], true);
    for (const event of [
      organizationCreated("Europe/Lisbon"),
      orderCompleted(BREAD, "40", 3200, "2026-03-01T23:30:00Z"), // 23:30 UTC = 23:30 Lisbon (WET) on 1 March
      first,
      goodsShipped(first, [
        { productId: BREAD, quantity: "4", cost: 320 },
        { productId: CAKE, quantity: "1", cost: 700 },
      ]),
      cancelled,
      goodsShipped(cancelled, [{ productId: CAKE, quantity: "2", cost: 1400 }]),
      invoiceCancelled(cancelled),
      goodsReturned(cancelled, [{ productId: CAKE, quantity: "2", cost: 1400 }], null),
      note,
      goodsReturned(first, [{ productId: BREAD, quantity: "1", cost: 80 }], note),
    ]) {
      await h.publish(event);
    }
    await h.drain();
  });
  afterAll(() => h?.dispose());

  it("answers the KPIs of a period from the daily facts", async () => {
    const march = await kpis("2026-03-01", "2026-03-31");
    expect(march.ok && march.value).toMatchObject({
      currency: "EUR",
      timezone: "Europe/Lisbon",
      invoiceCount: 1,
      unitsProduced: expect.objectContaining({}),
    });
    if (!march.ok) throw new Error("kpis failed");
    expect(march.value.revenueNet.minor).toBe(2800n);
    expect(march.value.taxTotal.minor).toBe(644n);
    expect(march.value.costOfGoodsSold.minor).toBe(1020n);
    expect(march.value.unitsProduced.toString()).toBe("40");
    expect(march.value.productionCost.minor).toBe(3200n);
    expect(march.value.grossMarginPct).toBe("63.57");

    const april = await kpis("2026-04-01", "2026-04-30");
    if (!april.ok) throw new Error("kpis failed");
    expect([april.value.revenueNet.minor, april.value.taxTotal.minor, april.value.costOfGoodsSold.minor]).toEqual([
      -250n,
      -58n,
      -80n,
    ]);
    expect(april.value.invoiceCount).toBe(0);
  });

  it("applies a redelivered event once", async () => {
    const before = await h.dump(ORG);
    const again = await h.publish(invoiceIssued("2026-03-10", [bread("1", 250, 58)]));
    await h.drain();
    await h.bus.dispatcher.dispatch(again);
    await h.bus.dispatcher.dispatch(again);
    const after = await kpis("2026-03-10", "2026-03-10");
    expect(after.ok && after.value.revenueNet.minor).toBe(250n);
    expect((await h.dump(ORG)).applied_events.length).toBe(before.applied_events.length + 1);
  });

  it("rebuilds from the event log to exactly the live projections", async () => {
    const live = await h.dump(ORG);
    const report = await h.rebuild(ORG);
    expect(report.eventsApplied).toBe(live.applied_events.length);
    expect(await h.dump(ORG)).toEqual(live);
  });

  it("keeps live deliveries after a rebuild exactly once", async () => {
    await h.rebuild(ORG);
    const late = await h.publish(invoiceIssued("2026-03-11", [cake("1", 1800, 414)]));
    await h.drain();
    await h.bus.dispatcher.dispatch(late);
    const day = await kpis("2026-03-11", "2026-03-11");
    expect(day.ok && day.value.revenueNet.minor).toBe(1800n);
  });
});
