import { sql } from "drizzle-orm";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { type Db, queryRows } from "@/shared/infrastructure/database/database-client";
import type { StockDiscrepancy } from "../../application/ports/production-read-model.port";

/**
 * For every item of every organization: the sum of its movements must equal its stock row (on hand
 * minus shortfall) and the balance of its last movement; the stock row's on-hand must equal the sum
 * of its lots; every lot's remaining quantity and value must equal the sum of its own movements.
 */
export async function verifyStock(db: Db): Promise<{ checkedItems: number; discrepancies: StockDiscrepancy[] }> {
  const items = await queryRows<Record<string, string | null>>(
    db,
    sql`select s.organization_id, s.item_id, s.item_kind,
               (s.quantity_milli - s.shortfall_milli)::text as stock_q, (s.value - s.shortfall_value)::text as stock_v,
               s.quantity_milli::text as on_hand_q, s.value::text as on_hand_v, s.last_sequence::text as last_sequence,
               coalesce(m.q, 0)::text as moved_q, coalesce(m.v, 0)::text as moved_v, coalesce(m.n, 0)::text as moves,
               coalesce(l.q, 0)::text as lots_q, coalesce(l.v, 0)::text as lots_v,
               last.balance_milli::text as last_q, last.balance_value::text as last_v
          from production.stock_items s
          left join (select organization_id, item_id, sum(quantity_milli) as q, sum(value) as v, count(*) as n
                       from production.stock_movements group by organization_id, item_id) m
                 on m.organization_id = s.organization_id and m.item_id = s.item_id
          left join (select organization_id, item_id, sum(remaining_milli) as q, sum(remaining_value) as v
                       from production.lots group by organization_id, item_id) l
                 on l.organization_id = s.organization_id and l.item_id = s.item_id
          left join production.stock_movements last
                 on last.organization_id = s.organization_id and last.item_id = s.item_id
                and last.sequence = s.last_sequence
         order by s.organization_id, s.item_id`,
  );
  const discrepancies: StockDiscrepancy[] = [];
  for (const r of items) {
    const problems: string[] = [];
    if (r.moved_q !== r.stock_q || r.moved_v !== r.stock_v) {
      problems.push(
        `movements sum to ${r.moved_q} milli / ${r.moved_v} but stock is ${r.stock_q} milli / ${r.stock_v}`,
      );
    }
    if (r.lots_q !== r.on_hand_q || r.lots_v !== r.on_hand_v) {
      problems.push(`lots hold ${r.lots_q} milli / ${r.lots_v} but on hand is ${r.on_hand_q} milli / ${r.on_hand_v}`);
    }
    if (r.moves !== r.last_sequence) problems.push(`${r.moves} movements but the ledger head is at ${r.last_sequence}`);
    if (r.moves !== "0" && (r.last_q !== r.stock_q || r.last_v !== r.stock_v)) {
      problems.push(
        `the last running balance is ${r.last_q} milli / ${r.last_v}, not ${r.stock_q} milli / ${r.stock_v}`,
      );
    }
    if (problems.length > 0) discrepancies.push(discrepancy(r, problems.join("; ")));
  }

  const lots = await queryRows<Record<string, string | null>>(
    db,
    sql`select l.organization_id, l.item_id, l.item_kind, l.code
          from production.lots l
          left join (select lot_id, sum(quantity_milli) as q, sum(value) as v
                       from production.stock_movements where lot_id is not null group by lot_id) m on m.lot_id = l.id
         where coalesce(m.q, 0) <> l.remaining_milli or coalesce(m.v, 0) <> l.remaining_value`,
  );
  for (const r of lots) discrepancies.push(discrepancy(r, `lot ${r.code} disagrees with the sum of its movements`));
  return { checkedItems: items.length, discrepancies };
}

const discrepancy = (r: Record<string, string | null>, detail: string): StockDiscrepancy => ({
  organizationId: r.organization_id as Uuid,
  itemId: r.item_id as Uuid,
  itemKind: String(r.item_kind),
  detail,
});
