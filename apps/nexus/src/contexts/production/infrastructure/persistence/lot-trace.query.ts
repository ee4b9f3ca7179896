import { sql } from "drizzle-orm";
import { Quantity } from "@/shared/domain/exact-arithmetic";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { type Db, queryRows } from "@/shared/infrastructure/database/database-client";
import type { LotTrace } from "../../application/ports/production-read-model.port";
import type { Allergen } from "../../domain/allergen.value-object";

const qty = (milli: string | null) => Quantity.fromMilli(BigInt(milli ?? "0")).toString();
/** A nullable text column (absent keys read as null). */
const t = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const iso = (value: unknown) => (value === null ? null : new Date(value as string).toISOString());

/** Forward (orders, product lots, invoices) and backward (ingredient lots) from one lot, in four queries. */
export async function traceLot(db: Db, organizationId: Uuid, lotId: Uuid): Promise<LotTrace | null> {
  const [lot] = await queryRows<Record<string, string | null>>(
    db,
    sql`select l.id, l.code, l.item_kind, l.item_id, coalesce(i.name, p.name) as item_name, l.supplier,
               l.quantity_milli::text as quantity, l.expires_on::text as expires_on, l.received_at::text as received_at,
               l.order_id, l.allergens::text as allergens
          from production.lots l
          left join production.ingredients i on i.id = l.item_id
          left join production.products p on p.id = l.item_id
         where l.organization_id = ${organizationId} and l.id = ${lotId}`,
  );
  if (!lot) return null;
  const isProduct = lot.item_kind === "product";

  const usedIn = isProduct
    ? []
    : await queryRows<Record<string, string | null>>(
        db,
        sql`select o.id as order_id, o.product_id, p.name as product_name,
                   (-sum(m.quantity_milli))::text as quantity, (-sum(m.value))::text as cost,
                   o.completed_at::text as completed_at, pl.id as lot_id, pl.code as lot_code, pl.expires_on::text as lot_expires_on
              from production.stock_movements m
              join production.orders o on o.id = m.document_id
              join production.products p on p.id = o.product_id
              left join production.lots pl on pl.id = o.product_lot_id
             where m.organization_id = ${organizationId} and m.lot_id = ${lotId} and m.kind = 'consumption'
             group by o.id, o.product_id, p.name, o.completed_at, pl.id, pl.code, pl.expires_on
             order by o.completed_at, o.id`,
      );

  const consumed =
    isProduct && lot.order_id
      ? await queryRows<Record<string, string | null>>(
          db,
          sql`select l.id as lot_id, l.code, l.item_id, i.name, l.supplier,
                   (-sum(m.quantity_milli))::text as quantity, (-sum(m.value))::text as cost, l.expires_on::text as expires_on
              from production.stock_movements m
              join production.lots l on l.id = m.lot_id
              join production.ingredients i on i.id = l.item_id
             where m.organization_id = ${organizationId} and m.document_type = 'order'
               and m.document_id = ${lot.order_id} and m.kind = 'consumption'
             group by l.id, l.code, l.item_id, i.name, l.supplier, l.expires_on
             order by i.name, l.code`,
        )
      : [];

  const productLots = isProduct ? [lotId] : usedIn.flatMap((u) => (u.lot_id ? [u.lot_id] : []));
  const shipments =
    productLots.length === 0
      ? []
      : await queryRows<Record<string, string | boolean | null>>(
          db,
          sql`select s.invoice_id, s.number, s.issue_date::text as issue_date, s.customer_name, l.id as lot_id, l.code,
                     (sum(-m.quantity_milli) - coalesce(sum(r.returned), 0))::text as quantity,
                     s.cancelled_at is not null as cancelled
                from production.stock_movements m
                join production.sales s on s.invoice_id = m.document_id
                join production.lots l on l.id = m.lot_id
                left join lateral (select sum(x.quantity_milli) as returned from production.stock_movements x
                                    where x.reverses_movement_id = m.id) r on true
               where m.organization_id = ${organizationId} and m.kind = 'sale'
                 and m.lot_id in (${sql.join(
                   productLots.map((id) => sql`${id}::uuid`),
                   sql`, `,
                 )})
               group by s.invoice_id, s.number, s.issue_date, s.customer_name, l.id, l.code, s.cancelled_at
               order by s.issue_date, s.number`,
        );

  return {
    lot: {
      id: lotId,
      code: String(lot.code),
      itemKind: isProduct ? "product" : "ingredient",
      itemId: lot.item_id as Uuid,
      itemName: String(lot.item_name),
      supplier: t(lot.supplier),
      quantity: qty(t(lot.quantity)),
      expiresOn: t(lot.expires_on),
      receivedAt: iso(lot.received_at) ?? "",
      orderId: (lot.order_id as Uuid | null) ?? null,
      allergens: parseArray(t(lot.allergens)) as Allergen[],
    },
    usedIn: usedIn.map((u) => ({
      orderId: u.order_id as Uuid,
      productId: u.product_id as Uuid,
      productName: String(u.product_name),
      quantity: qty(t(u.quantity)),
      cost: Number(u.cost),
      completedAt: iso(u.completed_at),
      productLot: u.lot_id ? { id: u.lot_id as Uuid, code: String(u.lot_code), expiresOn: t(u.lot_expires_on) } : null,
    })),
    consumed: consumed.map((c) => ({
      lotId: c.lot_id as Uuid,
      code: String(c.code),
      ingredientId: c.item_id as Uuid,
      ingredientName: String(c.name),
      supplier: t(c.supplier),
      quantity: qty(t(c.quantity)),
      cost: Number(c.cost),
      expiresOn: t(c.expires_on),
    })),
    shipments: shipments.map((s) => ({
      invoiceId: s.invoice_id as Uuid,
      number: String(s.number),
      issueDate: String(s.issue_date),
      customer: String(s.customer_name),
      productLotId: s.lot_id as Uuid,
      productLotCode: String(s.code),
      quantity: qty(s.quantity as string),
      cancelled: s.cancelled === true,
    })),
  };
}

/** A PostgreSQL text[] rendered as text: `{gluten,milk}`. */
function parseArray(text: string | null): string[] {
  if (!text || text === "{}") return [];
  return text.replace(/^\{|\}$/g, "").split(",");
}
