import fc from "fast-check";
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
import { InMemoryProjectionStore, type ProjectionSnapshot } from "./in-memory.projection-store";
import type { ProjectedEvent } from "./projected-events";
import { ApplyEventUseCase } from "./use-cases/apply-event.use-case";

/** A business history: per step, an invoice with random lines, maybe cancelled, credited or shipped. */
const history = fc
  .array(
    fc.record({
      day: fc.integer({ min: 1, max: 5 }),
      lines: fc.array(
        fc.record({
          productId: fc.constantFrom(BREAD, CAKE),
          milli: fc.integer({ min: 1, max: 50_000 }),
          net: fc.integer({ min: 0, max: 1_000_000 }),
          tax: fc.integer({ min: 0, max: 230_000 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      next: fc.constantFrom("keep", "cancel", "credit", "ship", "produce"),
    }),
    { maxLength: 12 },
  )
  .map((steps) => {
    const events: ProjectedEvent[] = [organizationCreated("Pacific/Auckland")];
    for (const step of steps) {
      const date = `2026-03-0${step.day}`;
      const lines = step.lines.map((l) => ({
        productId: l.productId,
        quantity: (l.milli / 1000).toFixed(3),
        unitPrice: 1,
        net: l.net,
        tax: l.tax,
      }));
      const invoice = invoiceIssued(date, lines);
      events.push(invoice);
      const costs = lines.map((l) => ({ productId: l.productId, quantity: l.quantity, cost: Math.floor(l.net / 3) }));
      if (step.next === "cancel") events.push(invoiceCancelled(invoice), goodsReturned(invoice, costs, null));
      if (step.next === "credit") {
        const note = creditNoteIssued(invoice, "2026-03-06", lines.slice(0, 1), true);
        events.push(note, goodsReturned(invoice, costs.slice(0, 1), note));
      }
      if (step.next === "ship") events.push(goodsShipped(invoice, costs));
      if (step.next === "produce") events.push(orderCompleted(BREAD, "12.5", 4321, `${date}T09:00:00Z`));
    }
    return events;
  });

/** The snapshot without insertion order: what the projections hold. */
function normalized(snapshot: ProjectionSnapshot) {
  const sortBy = <T>(items: readonly T[], key: (item: T) => string) =>
    [...items].sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return {
    ...snapshot,
    invoices: sortBy(snapshot.invoices, (i) => i.invoiceId),
    products: sortBy(snapshot.products, (p) => p.productId),
    documentDays: sortBy(snapshot.documentDays, (d) => `${d.kind}|${d.documentId}`),
    appliedEventIds: [...snapshot.appliedEventIds].sort(),
    facts: sortBy(
      snapshot.facts.map((f) => ({ ...f, measures: JSON.stringify(f.measures, (_, v) => String(v)) })),
      (f) => `${f.day}|${f.productId}`,
    ),
  };
}

describe("BufferedProjectionStore (batched live projection)", () => {
  it("leaves exactly the projections that applying the events one by one leaves, however they are batched", async () => {
    await fc.assert(
      fc.asyncProperty(history, fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1 }), async (events, cuts) => {
        const oneByOne = new InMemoryProjectionStore(ORG);
        for (const event of events) await projectEvent(oneByOne, event);

        const batched = new InMemoryProjectionStore(ORG);
        const apply = new ApplyEventUseCase({ store: batched });
        for (let i = 0, k = 0; i < events.length; k++) {
          const size = cuts[k % cuts.length] ?? 1;
          await apply.execute(events.slice(i, i + size));
          i += size;
        }
        // A redelivered batch changes nothing.
        await apply.execute(events.slice(0, 3));

        expect(normalized(batched.snapshot())).toEqual(normalized(oneByOne.snapshot()));
      }),
      { numRuns: 150 },
    );
  });
});
