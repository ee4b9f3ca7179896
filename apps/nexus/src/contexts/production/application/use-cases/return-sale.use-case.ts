import type { CreditNoteIssuedV1 } from "@/contexts/tax/contracts/credit-note-issued.event";
import type { InvoiceCancelledV1 } from "@/contexts/tax/contracts/invoice-cancelled.event";
import { Money, Quantity } from "@/shared/domain/exact-arithmetic";
import { ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { GoodsReturnedV1 } from "../../contracts/goods-returned.event";
import { reverseMovement } from "../../domain/stock-keeping.service";
import type { DocumentRef, StockMovement } from "../../domain/stock-movement.value-object";
import type { ProductionDeps } from "../production-deps";

type Deps = Pick<ProductionDeps, "sales" | "stock" | "unitOfWork" | "audit" | "events" | "clock">;

/** Which sale movements to bring back, and how much of each (null = all that is left). */
type Plan = (sales: readonly StockMovement[]) => { movement: StockMovement; quantity: Quantity | null }[];

/**
 * Applies `tax.invoice.cancelled.v1` (every movement of the invoice reversed exactly) and
 * `tax.credit-note.issued.v1` with `restock: true` (credited quantities back to the lots they left,
 * at the value they left with). Publishes `production.goods.returned.v1`.
 */
export class ReturnSaleUseCase {
  constructor(private readonly deps: Deps) {}

  cancelInvoice(organizationId: Uuid, event: InvoiceCancelledV1): Promise<Result<{ applied: boolean }, never>> {
    const invoiceId = event.invoiceId as Uuid;
    return this.apply(organizationId, invoiceId, { type: "invoice", id: invoiceId }, null, (sales) =>
      sales.map((movement) => ({ movement, quantity: null })),
    );
  }

  restock(organizationId: Uuid, note: CreditNoteIssuedV1): Promise<Result<{ applied: boolean }, never>> {
    if (!note.restock) return Promise.resolve(ok({ applied: false }));
    const creditNoteId = note.creditNoteId as Uuid;
    return this.apply(
      organizationId,
      note.invoiceId as Uuid,
      { type: "credit-note", id: creditNoteId },
      creditNoteId,
      (sales) =>
        note.lines.flatMap((line) => {
          const credited = Quantity.parse(line.quantity);
          if (!credited.ok || !credited.value.isPositive()) return [];
          // Unallocated shortfall first (those units never left a lot), then the lots, last out first in.
          const own = sales
            .filter((m) => m.document.lineNumber === line.lineNumber)
            .sort((a, b) => (a.lotId === null ? -1 : b.lotId === null ? 1 : b.sequence - a.sequence));
          return own.map((movement) => ({ movement, quantity: credited.value }));
        }),
    );
  }

  private apply(
    organizationId: Uuid,
    invoiceId: Uuid,
    document: Pick<DocumentRef, "type" | "id">,
    creditNoteId: Uuid | null,
    plan: Plan,
  ): Promise<Result<{ applied: boolean }, never>> {
    return this.deps.unitOfWork.run(async () => {
      const { sales, stock, clock } = this.deps;
      const sale = await sales.lock(organizationId, invoiceId);
      if (!sale || sale.cancelled) return ok({ applied: false });
      if (creditNoteId && (await stock.movementsOf(organizationId, document)).length > 0) return ok({ applied: false });
      const shipped = (await stock.movementsOf(organizationId, { type: "invoice", id: invoiceId })).filter(
        (m) => m.kind === "sale",
      );
      const returned = await stock.returnedFor(
        organizationId,
        shipped.map((m) => m.id),
      );
      const items = await stock.lockItems(
        organizationId,
        [...new Set(shipped.map((m) => m.itemId))].map((itemId) => ({ itemId, itemKind: "product" as const })),
      );
      const lots = await stock.lockLots(
        organizationId,
        shipped.flatMap((m) => (m.lotId ? [m.lotId] : [])),
      );
      const now = clock.now();

      const movements: StockMovement[] = [];
      // Per credit line the wanted quantity is spread over its movements in plan order.
      const wanted = new Map<string, Quantity>();
      for (const { movement, quantity } of plan(shipped)) {
        const key = `${movement.document.lineNumber}`;
        const left = quantity === null ? null : (wanted.get(key) ?? quantity);
        if (left !== null && !left.isPositive()) continue;
        const item = items.get(movement.itemId);
        if (!item) continue;
        const lot = lots.find((l) => l.id === movement.lotId) ?? null;
        const already = returned.get(movement.id) ?? { quantity: Quantity.ZERO, value: Money.ZERO };
        const ref = { ...document, lineNumber: movement.document.lineNumber };
        const reversal = reverseMovement({ item, lot }, movement, already, left, ref, now);
        if (!reversal) continue;
        movements.push(reversal);
        returned.set(movement.id, {
          quantity: already.quantity.add(reversal.quantity),
          value: already.value.add(reversal.value),
        });
        if (left !== null) wanted.set(key, left.subtract(reversal.quantity));
      }

      const touched = new Set(movements.map((m) => m.lotId));
      await stock.updateLots(lots.filter((l) => touched.has(l.id)));
      await stock.saveItems([...items.values()]);
      await stock.append(movements);
      if (!creditNoteId) await sales.markCancelled(organizationId, invoiceId);

      const byProduct = new Map<Uuid, { quantity: Quantity; cost: Money }>();
      for (const m of movements) {
        const sum = byProduct.get(m.itemId) ?? { quantity: Quantity.ZERO, cost: Money.ZERO };
        byProduct.set(m.itemId, { quantity: sum.quantity.add(m.quantity), cost: sum.cost.add(m.value) });
      }
      const payload: GoodsReturnedV1 = {
        invoiceId,
        creditNoteId,
        reason: creditNoteId ? "credit-note-restock" : "invoice-cancelled",
        lines: [...byProduct].map(([productId, s]) => ({
          productId,
          quantity: s.quantity.toString(),
          cost: s.cost.toNumber(),
        })),
      };
      if (payload.lines.length > 0) await this.deps.events.goodsReturned(organizationId, payload);
      await this.deps.audit.record({
        action: creditNoteId ? "production.sale.restocked" : "production.sale.reversed",
        organizationId,
        resourceType: creditNoteId ? "credit-note" : "invoice",
        resourceId: creditNoteId ?? invoiceId,
        system: true,
        metadata: { invoiceId, lines: payload.lines },
      });
      return ok({ applied: true });
    });
  }
}
