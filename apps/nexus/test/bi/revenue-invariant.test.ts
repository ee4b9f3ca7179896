import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GetKpisUseCase } from "@/contexts/bi/application/use-cases/get-kpis.use-case";
import type { TaxActor } from "@/contexts/tax/application/tax-deps";
import { CancelInvoiceUseCase } from "@/contexts/tax/application/use-cases/cancel-invoice.use-case";
import { CreateTaxRateUseCase } from "@/contexts/tax/application/use-cases/create-tax-rate.use-case";
import { IssueCreditNoteUseCase } from "@/contexts/tax/application/use-cases/issue-credit-note.use-case";
import { IssueInvoiceUseCase } from "@/contexts/tax/application/use-cases/issue-invoice.use-case";
import { LiabilityReportUseCase } from "@/contexts/tax/application/use-cases/liability-report.use-case";
import { PutClassificationUseCase } from "@/contexts/tax/application/use-cases/put-classification.use-case";
import { PutTaxSettingsUseCase } from "@/contexts/tax/application/use-cases/put-tax-settings.use-case";
import type { Invoice } from "@/contexts/tax/domain/invoice.entity";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { readEventLog } from "@/shared/infrastructure/events/event-log";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { SELLER } from "../tax/support/tax-domain-fixtures";
import { createTaxTestKit, type TaxTestKit } from "../tax/support/tax-test-kit";
import { createProjectionHarness, type ProjectionHarness } from "./support/bi-projection-harness";

const value = <T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

/** One business day: invoices issued, maybe one cancelled the same day, maybe a credit note for an earlier one. */
const dayOps = fc.record({
  invoices: fc.array(
    fc.array(
      fc.record({
        product: fc.integer({ min: 0, max: 2 }),
        milli: fc.integer({ min: 1, max: 25_000 }),
        unitPrice: fc.integer({ min: 1, max: 5_000 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    { minLength: 0, maxLength: 3 },
  ),
  cancelOne: fc.boolean(),
  credit: fc.option(fc.record({ pick: fc.nat(), share: fc.integer({ min: 1, max: 1000 }), whole: fc.boolean() })),
  /** How many of the day's pending events the relay applies before it "crashes" (never marking them delivered). */
  crashAfter: fc.nat({ max: 6 }),
  redeliver: fc.boolean(),
});

describe("invariant: BI revenue and tax equal the tax liability report", () => {
  let db: TestDatabase;
  let kit: TaxTestKit;
  let bi: ProjectionHarness;

  beforeAll(async () => {
    db = await createTestDatabase();
    kit = createTaxTestKit(db);
    bi = await createProjectionHarness(db);
  });
  afterAll(async () => {
    await bi?.dispose();
    await db?.dispose();
  });

  async function organization(): Promise<{ actor: TaxActor; products: Uuid[] }> {
    const actor = kit.newActor("EUR", "Europe/Berlin");
    value(await new PutTaxSettingsUseCase(kit.deps).execute({ actor, identity: SELLER }));
    for (const [c, bp] of [
      ["VAT", 2300],
      ["RED", 600],
      ["ZERO", 0],
    ] as const) {
      value(
        await new CreateTaxRateUseCase(kit.deps).execute({
          actor,
          code: c,
          name: c,
          rateBasisPoints: bp,
          validFrom: "2020-01-01",
        }),
      );
    }
    const products: Uuid[] = [];
    for (const [name, c] of [
      ["Bread", "RED"],
      ["Cake", "VAT"],
      ["Water", "ZERO"],
    ] as const) {
      const product = kit.products.add(actor.organizationId, name);
      value(
        await new PutClassificationUseCase(kit.deps).execute({ actor, productId: product.productId, taxCodes: [c] }),
      );
      products.push(product.productId);
    }
    return { actor, products };
  }

  /** The crash: some pending events are applied, then the relay dies before marking them delivered. */
  async function crashMidBatch(organizationId: string, count: number): Promise<void> {
    const pending = (await readEventLog(db.client, { organizationId: organizationId as Uuid, limit: 10_000 })).events;
    for (const event of pending.slice(-count)) await bi.bus.dispatcher.dispatch(event);
  }

  async function assertEqualsLiability(actor: TaxActor, from: string, to: string): Promise<void> {
    const report = value(await new LiabilityReportUseCase(kit.deps).execute({ actor, from, to }));
    const kpis = value(
      await new GetKpisUseCase({ reader: bi.reader, clock: { now: () => new Date() } }).execute({
        organizationId: actor.organizationId,
        from,
        to,
      }),
    );
    // One tax code per product, so the taxable base of the report is the net revenue.
    expect([kpis.revenueNet.toNumber(), kpis.taxTotal.toNumber()], `${from}..${to}`).toEqual([
      report.totals.taxableBase,
      report.totals.tax,
    ]);
  }

  it("for any period, after cancellations, credit notes, redeliveries, a relay crash mid-batch and a rebuild", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(dayOps, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat({ max: 30 }), fc.nat({ max: 30 })), { minLength: 3, maxLength: 6 }),
        async (days, periods) => {
          const { actor, products } = await organization();
          const issued: Invoice[] = [];
          for (const [i, day] of days.entries()) {
            const date = `2026-11-${String(i * 4 + 1).padStart(2, "0")}`;
            kit.clock.set(`${date}T10:00:00Z`);
            const today: Invoice[] = [];
            for (const lines of day.invoices) {
              const invoice = value(
                await new IssueInvoiceUseCase(kit.deps).execute({
                  actor,
                  customer: { name: "Café" },
                  lines: lines.map((l) => ({
                    productId: products[l.product] as string,
                    quantity: (l.milli / 1000).toFixed(3),
                    unitPrice: l.unitPrice,
                  })),
                }),
              );
              today.push(invoice);
            }
            const cancelled = day.cancelOne ? today.pop() : undefined;
            if (cancelled) {
              value(
                await new CancelInvoiceUseCase(kit.deps).execute({ actor, invoiceId: cancelled.id, reason: "error" }),
              );
            }
            const target = day.credit && issued.length > 0 ? issued[day.credit.pick % issued.length] : undefined;
            if (day.credit && target) {
              const line = target.props.lines[0];
              const quantity = line ? (Number(line.quantity.milli) * day.credit.share) / 1_000_000 : 0;
              const result = await new IssueCreditNoteUseCase(kit.deps).execute({
                actor,
                invoiceId: target.id,
                reason: "returned",
                ...(day.credit.whole || !line || quantity < 0.001
                  ? {}
                  : { lines: [{ lineNumber: line.lineNumber, quantity: quantity.toFixed(3) }] }),
              });
              // Crediting more than is left is refused by tax; nothing to compare then.
              if (!result.ok) expect(result.error.code).toMatch(/credit|exceed|nothing/);
            }
            issued.push(...today);
            await crashMidBatch(actor.organizationId, day.crashAfter);
            await bi.drain();
            if (day.redeliver) await crashMidBatch(actor.organizationId, 3);
          }
          const range = (a: number, b: number) => {
            const [lo, hi] = a <= b ? [a, b] : [b, a];
            return [
              `2026-11-${String(lo || 1).padStart(2, "0")}`,
              `2026-11-${String(Math.max(hi, 1)).padStart(2, "0")}`,
            ] as const;
          };
          for (const [a, b] of periods) await assertEqualsLiability(actor, ...range(a, b));
          await bi.rebuild(actor.organizationId);
          for (const [a, b] of periods) await assertEqualsLiability(actor, ...range(a, b));
          await assertEqualsLiability(actor, "2026-01-01", "2026-12-31");
        },
      ),
      { numRuns: 10 },
    );
    // Ten scenarios of up to six business days, each through the real use cases and database.
  }, 240_000);
});
