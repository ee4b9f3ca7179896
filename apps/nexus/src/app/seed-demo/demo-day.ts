import { ProductionTokens } from "@/contexts/production/infrastructure/production.tokens";
import { CancelInvoiceUseCase } from "@/contexts/tax/application/use-cases/cancel-invoice.use-case";
import { IssueCreditNoteUseCase } from "@/contexts/tax/application/use-cases/issue-credit-note.use-case";
import { IssueInvoiceUseCase } from "@/contexts/tax/application/use-cases/issue-invoice.use-case";
import { TaxTokens } from "@/contexts/tax/infrastructure/tax.tokens";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Container } from "@/shared/infrastructure/container/container";
import { DEMO_PRODUCTS } from "./demo-business";
import type { DemoDay, DemoInvoice } from "./demo-history";
import type { DemoCatalog } from "./demo-setup";
import { asOwner, expectOk, type SeedActor } from "./seed-session";
import type { SeedingClock } from "./seeding.clock";

export interface IssuedInvoice {
  readonly id: Uuid;
  readonly lines: DemoInvoice["lines"];
}

export interface DemoDayRun {
  readonly container: Container;
  readonly clock: SeedingClock;
  readonly actor: SeedActor;
  readonly catalog: DemoCatalog;
  /** Delivers the outbox (production's sales, BI's projections) under the day's clock. */
  readonly deliver: () => Promise<number>;
  /** Invoices of the earlier days, newest day last (credit notes refer back to them). */
  readonly issued: IssuedInvoice[][];
}

/**
 * One business day: the morning's receipts and production, the day's invoices, maybe a cancellation
 * (and the corrected invoice) or a credit note; then the day's outbox is delivered, still under the
 * day's clock, so production ships and BI projects them as that day's events.
 */
export async function runDemoDay(run: DemoDayRun, day: DemoDay): Promise<void> {
  const { container, clock, actor, catalog } = run;
  const { organizationId } = actor;
  const taxActor = { userId: actor.userId, organizationId };
  const step = <T>(work: Parameters<typeof asOwner<T>>[2]) => asOwner(container, actor, work);

  clock.set(day.date, 5);
  for (const r of day.receipts) {
    await step(async (scope) =>
      expectOk(
        `receipt ${r.lotCode}`,
        await scope.resolve(ProductionTokens.ReceiveStock).execute({
          organizationId,
          ingredientId: catalog.ingredients.get(r.ingredient) as Uuid,
          quantity: String(r.quantity),
          totalCost: r.totalCost,
          lotCode: r.lotCode,
          expiresOn: r.expiresOn,
        }),
      ),
    );
  }

  clock.set(day.date, 6);
  for (const o of day.orders) {
    await step(async (scope) => {
      const productId = catalog.products.get(o.product) as Uuid;
      const quantity = String(o.quantity);
      const order = expectOk(
        `order of ${o.product}`,
        await scope
          .resolve(ProductionTokens.PlanOrder)
          .execute({ organizationId, productId, quantity, plannedFor: day.date }),
      );
      const orderId = order.id as Uuid;
      expectOk("start order", await scope.resolve(ProductionTokens.ChangeOrderStatus).start(organizationId, orderId));
      expectOk(
        `complete order of ${o.product}`,
        await scope
          .resolve(ProductionTokens.CompleteOrder)
          .execute({ organizationId, orderId, producedQuantity: quantity }),
      );
    });
  }

  clock.set(day.date, 9);
  const issue = (invoice: DemoInvoice) =>
    step(async (scope) => {
      const issued = expectOk(
        `invoice to ${invoice.customer.name}`,
        await scope.useCase(IssueInvoiceUseCase, TaxTokens.Deps).execute({
          actor: taxActor,
          customer: invoice.customer,
          lines: invoice.lines.map((l) => ({
            productId: catalog.products.get(l.product) as string,
            quantity: String(l.quantity),
            unitPrice: DEMO_PRODUCTS.find((p) => p.key === l.product)?.unitPrice ?? 0,
          })),
        }),
      );
      return { id: issued.id, lines: invoice.lines };
    });
  const today: IssuedInvoice[] = [];
  for (const invoice of day.invoices) today.push(await issue(invoice));

  clock.set(day.date, 15);
  const wrong = day.cancellation ? today[day.cancellation.invoice] : undefined;
  if (day.cancellation && wrong) {
    const { reissueTo } = day.cancellation;
    await step(async (scope) =>
      expectOk(
        "cancellation",
        await scope
          .useCase(CancelInvoiceUseCase, TaxTokens.Deps)
          .execute({ actor: taxActor, invoiceId: wrong.id, reason: `Wrong customer: goods went to ${reissueTo.name}` }),
      ),
    );
    today.push(await issue({ customer: reissueTo, lines: wrong.lines }));
  }
  const note = day.creditNote;
  const credited = note ? run.issued[run.issued.length - note.daysBack]?.[note.invoice] : undefined;
  if (note && credited) {
    await step(async (scope) =>
      expectOk(
        "credit note",
        await scope.useCase(IssueCreditNoteUseCase, TaxTokens.Deps).execute({
          actor: taxActor,
          invoiceId: credited.id,
          reason: note.reason,
          restock: note.restock,
          lines: note.lines.map((l) => {
            // Demo data names a line and an amount; the invoice may have fewer lines or units.
            const lineNumber = Math.min(l.lineNumber, credited.lines.length);
            const invoiced = credited.lines[lineNumber - 1]?.quantity ?? 1;
            return { lineNumber, quantity: String(Math.min(l.quantity, invoiced)) };
          }),
        }),
      ),
    );
  }
  await run.deliver();
  run.issued.push(today);
}
