import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InvoiceIssuedV1 } from "@/contexts/tax/contracts/invoice-issued.event";
import { unwrap } from "@/shared/domain/result";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { bakery, createProductionKit, invoiceOf, type ProductionKit, produce, receive } from "./production-kit";

/**
 * The relay keeps order per invoice only (docs/production.md, "Sales draw in the order production
 * applies them"). Two organizations set up alike get the same two invoices in opposite orders: the
 * first applied takes the first-expiring lot, quantities on hand agree either way, and each
 * cancellation returns exactly its own invoice's takes, so cancelling both restores every lot.
 *
 * By hand: croissant lot 1 = 12 from flour lot A (1 kg for 1000) + 0.25 kg butter (250) = 1250;
 * lot 2 = 12 from flour lot B (1 kg of 25 for 2500 = 100) + butter 250 = 350. Invoices X (10) and Y (5).
 */
describe("two invoices applied in either order", () => {
  let kit: ProductionKit;
  const orgs = { xFirst: Uuid.generate(), yFirst: Uuid.generate() };
  const setup = new Map<Uuid, { croissant: Uuid; lots: Uuid[] }>();
  const x = invoiceFor("10");
  const y = invoiceFor("5");

  beforeAll(async () => {
    kit = await createProductionKit();
    for (const org of Object.values(orgs)) {
      const ids = await bakery(kit, org);
      await receive(kit, ids.flour, "1", 1000, "2026-01-20", org);
      await receive(kit, ids.flour, "25", 2500, "2026-03-01", org);
      await receive(kit, ids.butter, "5", 5000, "2026-02-01", org);
      const lots: Uuid[] = [];
      for (let i = 0; i < 2; i++) {
        const { completion } = await produce(kit, ids.croissant, "12", org);
        lots.push(unwrap(completion).productLotId as Uuid);
      }
      setup.set(org, { croissant: ids.croissant, lots });
    }
  });
  afterAll(() => kit?.dispose());

  const of = (org: Uuid) => setup.get(org) ?? { croissant: Uuid.generate(), lots: [] };
  const ship = async (org: Uuid, invoice: (productId: Uuid) => InvoiceIssuedV1) =>
    unwrap(await kit.sales.execute(org, invoice(of(org).croissant)));
  const lotStates = async (org: Uuid) =>
    Promise.all(
      of(org).lots.map(async (id) => {
        const lot = unwrap(await kit.queries.getLot(org, id));
        return [lot.remainingQuantity, lot.remainingValue];
      }),
    );
  const onHand = async (org: Uuid) =>
    unwrap(await kit.queries.stock(org, { limit: 50, cursor: null })).items.find((s) => s.itemId === of(org).croissant)
      ?.quantity;

  it("draws from the lots in the order applied, and cancellations return each invoice's own takes", async () => {
    const before = await lotStates(orgs.xFirst);
    expect(before).toEqual([
      ["12", 1250],
      ["12", 350],
    ]);
    expect(await lotStates(orgs.yFirst)).toEqual(before);

    await ship(orgs.xFirst, x);
    await ship(orgs.xFirst, y);
    await ship(orgs.yFirst, y);
    await ship(orgs.yFirst, x);
    expect(await onHand(orgs.xFirst)).toBe("9");
    expect(await onHand(orgs.yFirst)).toBe("9");
    // X first: X takes 10 of lot 1, Y its last 2 and 3 of lot 2. Y first: Y takes 5 of lot 1, X 7 + 3.
    expect(await lotStates(orgs.xFirst)).toEqual([
      ["0", 0],
      ["9", 262], // 350 − slice(0..3) = 350 − 88 (3 × 350 / 12 = 87.5 → 88)
    ]);
    expect(await lotStates(orgs.yFirst)).toEqual([
      ["0", 0],
      ["9", 262],
    ]);

    for (const org of Object.values(orgs)) {
      await cancel(org, x);
      expect(await onHand(org)).toBe("19");
    }
    // X's own takes come back: 10 of lot 1 where X went first, 7 of lot 1 + 3 of lot 2 otherwise.
    expect(await lotStates(orgs.xFirst)).toEqual([
      ["10", 1042], // 10 × 1250 / 12 = 1041.67 → 1042
      ["9", 262],
    ]);
    expect(await lotStates(orgs.yFirst)).toEqual([
      ["7", 729], // 1250 − Y's slice of 5 (521)
      ["12", 350],
    ]);

    for (const org of Object.values(orgs)) {
      await cancel(org, y);
      expect(await lotStates(org)).toEqual(before);
      expect(await kit.deps.readModel.verifyStock()).toMatchObject({ discrepancies: [] });
    }
  });

  async function cancel(org: Uuid, invoice: (productId: Uuid) => InvoiceIssuedV1) {
    const issued = invoice(of(org).croissant);
    const result = unwrap(
      await kit.returns.cancelInvoice(org, {
        invoiceId: issued.invoiceId,
        number: issued.number,
        issueDate: issued.issueDate,
        cancelledAt: "2026-01-10T12:00:00.000Z",
        reason: "issued in error",
        currency: "EUR",
        totals: issued.totals,
      }),
    );
    expect(result).toEqual({ applied: true });
  }
});

/** One invoice per organization (invoice ids are global), told apart by the organization's product. */
function invoiceFor(quantity: string): (productId: Uuid) => InvoiceIssuedV1 {
  const ids = new Map<Uuid, Uuid>();
  const number = `2026-00000${quantity}`;
  return (productId) => {
    const invoiceId = ids.get(productId) ?? Uuid.generate();
    ids.set(productId, invoiceId);
    return invoiceOf(productId, quantity, invoiceId, number);
  };
}
