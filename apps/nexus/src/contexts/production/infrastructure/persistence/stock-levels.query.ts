import { type SQL, sql } from "drizzle-orm";
import { Money, Quantity, UnitCost } from "@/shared/domain/exact-arithmetic";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { StockLevel } from "../../application/ports/production-read-model.port";
import type { CalendarDate } from "../../domain/calendar-date.value-object";

interface Row extends Record<string, unknown> {
  item_id: Uuid;
  item_kind: "ingredient" | "product";
  name: string;
  sku: string | null;
  unit: string;
  quantity: string;
  value: string;
  shortfall: string;
  shortfall_value: string;
  reorder_level: string | null;
  nearest_expiry: string | null;
}

/** Every ingredient and product of the organization, with or without stock, in id order. */
export function stockLevelsQuery(organizationId: Uuid, today: CalendarDate, after: Uuid | null, limit: number): SQL {
  return sql`
    with items as (
      select id, 'ingredient' as kind, name, sku, unit, reorder_level_milli
        from production.ingredients where organization_id = ${organizationId}
      union all
      select id, 'product', name, sku, unit, null
        from production.products where organization_id = ${organizationId}
    )
    select items.id as item_id, items.kind as item_kind, items.name, items.sku, items.unit,
           coalesce(s.quantity_milli, 0)::text as quantity, coalesce(s.value, 0)::text as value,
           coalesce(s.shortfall_milli, 0)::text as shortfall, coalesce(s.shortfall_value, 0)::text as shortfall_value,
           items.reorder_level_milli::text as reorder_level,
           (select min(l.expires_on)::text from production.lots l
             where l.organization_id = ${organizationId} and l.item_id = items.id and l.remaining_milli > 0
               and l.expires_on >= ${today}) as nearest_expiry
      from items
      left join production.stock_items s on s.organization_id = ${organizationId} and s.item_id = items.id
     where ${after === null ? sql`true` : sql`items.id > ${after}`}
     order by items.id
     limit ${limit}`;
}

export function toStockLevel(row: Record<string, unknown>): StockLevel {
  const r = row as Row;
  const quantity = Quantity.fromMilli(BigInt(r.quantity));
  const value = Money.ofMinor(BigInt(r.value));
  const shortfall = Quantity.fromMilli(BigInt(r.shortfall));
  const reorder = r.reorder_level === null ? null : Quantity.fromMilli(BigInt(r.reorder_level));
  return {
    itemId: r.item_id,
    itemKind: r.item_kind,
    name: r.name,
    sku: r.sku,
    unit: r.unit,
    quantity: quantity.toString(),
    value: value.toNumber(),
    averageUnitCost: quantity.isPositive() ? UnitCost.of(value, quantity).toMinorPerUnit(4) : null,
    reorderLevel: reorder?.toString() ?? null,
    belowReorderLevel: reorder !== null && quantity.compare(reorder) < 0,
    nearestExpiry: r.nearest_expiry,
    shortfallQuantity: shortfall.toString(),
    shortfallValue: Number(r.shortfall_value),
    hasShortfall: shortfall.isPositive(),
  };
}
