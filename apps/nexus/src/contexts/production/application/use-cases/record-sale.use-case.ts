import type { InvoiceIssuedV1 } from "@/contexts/tax/contracts/invoice-issued.event";
import { Quantity } from "@/shared/domain/exact-arithmetic";
import { ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { GoodsShippedV1 } from "../../contracts/goods-shipped.event";
import { CalendarDate } from "../../domain/calendar-date.value-object";
import { type Shipment, shipFefo } from "../../domain/stock-keeping.service";
import type { ProductionDeps } from "../production-deps";

type Deps = Pick<
  ProductionDeps,
  "sales" | "products" | "stock" | "unitOfWork" | "audit" | "events" | "clock" | "calendar"
>;

export interface SaleOutcome {
  readonly applied: boolean;
  /** Lines naming no product of the organization (nothing to ship from). */
  readonly skippedLines: number[];
}

/**
 * Applies `tax.invoice.issued.v1`: each line leaves the product's lots FEFO (lots not expired on the
 * issue date). An issued invoice is never refused: what stock cannot cover is an unallocated shortfall
 * valued at average cost. Publishes `production.goods.shipped.v1` (cost of goods sold).
 */
export class RecordSaleUseCase {
  constructor(private readonly deps: Deps) {}

  execute(organizationId: Uuid, invoice: InvoiceIssuedV1): Promise<Result<SaleOutcome, never>> {
    return this.deps.unitOfWork.run(async () => {
      const { sales, products, stock, clock } = this.deps;
      const invoiceId = invoice.invoiceId as Uuid;
      if (await sales.lock(organizationId, invoiceId)) return ok({ applied: false, skippedLines: [] });
      await sales.insert({
        invoiceId,
        organizationId,
        number: invoice.number,
        issueDate: invoice.issueDate,
        customerName: invoice.customer.name,
        customerTaxId: invoice.customer.taxId,
        cancelled: false,
      });

      const known = new Set(
        (await products.findByIds(organizationId, [...new Set(invoice.lines.map((l) => l.productId as Uuid))])).map(
          (p) => p.id,
        ),
      );
      const lines = [...invoice.lines]
        .sort((a, b) => a.lineNumber - b.lineNumber)
        .map((line) => ({ line, quantity: Quantity.parse(line.quantity) }));
      const shippable = lines.filter(
        (l) => known.has(l.line.productId as Uuid) && l.quantity.ok && l.quantity.value.isPositive(),
      );
      const productIds = [...new Set(shippable.map((l) => l.line.productId as Uuid))];
      const items = await stock.lockItems(
        organizationId,
        productIds.map((itemId) => ({ itemId, itemKind: "product" as const })),
      );
      const lots = await stock.lockLotsOf(organizationId, productIds);
      const now = clock.now();
      const day = CalendarDate.parse(invoice.issueDate);
      // tax dates an invoice in the organization's time zone; an unreadable date falls back to today there.
      const issueDay = day.ok ? day.value : await this.deps.calendar.today(organizationId, now);

      const shipped: { productId: Uuid; quantity: Quantity; shipment: Shipment }[] = [];
      for (const { line, quantity } of shippable) {
        const productId = line.productId as Uuid;
        const item = items.get(productId);
        if (!item || !quantity.ok) continue;
        const fallback = item.averageUnitCost()
          ? null
          : ((await stock.newestLot(organizationId, productId))?.unitCost ?? null);
        const own = lots.filter((l) => l.itemId === productId);
        const document = { type: "invoice" as const, id: invoiceId, lineNumber: line.lineNumber };
        shipped.push({
          productId,
          quantity: quantity.value,
          shipment: shipFefo({ item, lots: own }, quantity.value, issueDay, document, now, fallback),
        });
      }

      const movements = shipped.flatMap((s) => s.shipment.movements);
      const touched = new Set(movements.map((m) => m.lotId));
      await stock.updateLots(lots.filter((l) => touched.has(l.id)));
      await stock.saveItems([...items.values()]);
      await stock.append(movements);

      const payload: GoodsShippedV1 = {
        invoiceId,
        invoiceNumber: invoice.number,
        issueDate: invoice.issueDate,
        lines: shipped.map(({ productId, quantity, shipment }) => ({
          productId,
          quantity: quantity.toString(),
          cost: shipment.cost.toNumber(),
          shortfallQuantity: shipment.shortfallQuantity.toString(),
          lots: shipment.lots.map((l) => ({
            lotId: l.lotId,
            quantity: l.quantity.toString(),
            cost: l.cost.toNumber(),
          })),
        })),
      };
      // Nothing shipped (no line names a product of ours): no cost of goods sold to report.
      if (payload.lines.length > 0) await this.deps.events.goodsShipped(organizationId, payload);
      const skippedLines = lines.filter((l) => !shippable.includes(l)).map((l) => l.line.lineNumber);
      await this.deps.audit.record({
        action: "production.sale.recorded",
        organizationId,
        resourceType: "invoice",
        resourceId: invoiceId,
        system: true,
        metadata: { number: invoice.number, lines: payload.lines.length, skippedLines },
      });
      return ok({ applied: true, skippedLines });
    });
  }
}
