import { and, asc, desc, eq, gt, inArray, sql } from "drizzle-orm";
import { Money, Quantity } from "@/shared/domain/exact-arithmetic";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import type { ItemRef, StockRepository } from "../../application/ports/stock.repositories";
import type { Lot } from "../../domain/lot.entity";
import type { StockItem } from "../../domain/stock-item.entity";
import type { Returned } from "../../domain/stock-keeping.service";
import type { DocumentRef, StockMovement } from "../../domain/stock-movement.value-object";
import { lots } from "./lot.table";
import { lotRow, movementRow, stockItemRow, toLot, toMovement, toStockItem } from "./production.mappers";
import { stockItems } from "./stock-item.table";
import { stockMovements } from "./stock-movement.table";

/**
 * Lock order (see StockRepository): stock_items rows all at once ordered by item id, then lots
 * ordered by id. Every writer of stock follows it, so racing completions and sales queue up on the
 * same rows instead of deadlocking, and each sees the quantities the previous one committed.
 */
export class DrizzleStockRepository implements StockRepository {
  constructor(private readonly client: DatabaseClient) {}

  async lockItems(organizationId: Uuid, items: readonly ItemRef[]): Promise<Map<Uuid, StockItem>> {
    const unique = [...new Map(items.map((i) => [i.itemId, i])).values()].sort((a, b) =>
      a.itemId < b.itemId ? -1 : 1,
    );
    if (unique.length === 0) return new Map();
    const db = this.client.executor();
    const ids = unique.map((i) => i.itemId);
    const rows = await withDatabaseErrors(async () => {
      // Rows inserted in id order, so two first movements of the same new items wait, never deadlock.
      await db
        .insert(stockItems)
        .values(
          unique.map((i) => ({
            organizationId,
            itemId: i.itemId,
            itemKind: i.itemKind,
            quantityMilli: 0n,
            value: 0n,
            shortfallMilli: 0n,
            shortfallValue: 0n,
            lastSequence: 0,
          })),
        )
        .onConflictDoNothing();
      return db
        .select()
        .from(stockItems)
        .where(and(eq(stockItems.organizationId, organizationId), inArray(stockItems.itemId, ids)))
        .orderBy(asc(stockItems.itemId))
        .for("update");
    });
    return new Map(rows.map((r) => [r.itemId, toStockItem(r)]));
  }

  async lockLotsOf(organizationId: Uuid, itemIds: readonly Uuid[]): Promise<Lot[]> {
    if (itemIds.length === 0) return [];
    const rows = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select()
        .from(lots)
        .where(
          and(
            eq(lots.organizationId, organizationId),
            inArray(lots.itemId, [...new Set(itemIds)]),
            gt(lots.remainingMilli, 0n),
          ),
        )
        .orderBy(asc(lots.id))
        .for("update"),
    );
    return rows.map(toLot);
  }

  async lockLots(organizationId: Uuid, lotIds: readonly Uuid[]): Promise<Lot[]> {
    if (lotIds.length === 0) return [];
    const rows = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select()
        .from(lots)
        .where(and(eq(lots.organizationId, organizationId), inArray(lots.id, [...new Set(lotIds)])))
        .orderBy(asc(lots.id))
        .for("update"),
    );
    return rows.map(toLot);
  }

  async findLot(organizationId: Uuid, lotId: Uuid): Promise<Lot | null> {
    const [row] = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select()
        .from(lots)
        .where(and(eq(lots.organizationId, organizationId), eq(lots.id, lotId))),
    );
    return row ? toLot(row) : null;
  }

  async newestLot(organizationId: Uuid, itemId: Uuid): Promise<Lot | null> {
    const [row] = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select()
        .from(lots)
        .where(and(eq(lots.organizationId, organizationId), eq(lots.itemId, itemId)))
        .orderBy(desc(lots.receivedAt), desc(lots.id))
        .limit(1),
    );
    return row ? toLot(row) : null;
  }

  async hasLots(organizationId: Uuid, itemId: Uuid): Promise<boolean> {
    return (await this.newestLot(organizationId, itemId)) !== null;
  }

  async insertLot(lot: Lot): Promise<void> {
    await withDatabaseErrors(() => this.client.executor().insert(lots).values(lotRow(lot)));
  }

  // One statement for all the rows a use case changed (a completion: ten lots, eleven items), not one
  // round trip per row: inside the transaction that holds the stock locks, round trips are lock time.
  async updateLots(changed: readonly Lot[]): Promise<void> {
    if (changed.length === 0) return;
    const values = changed.map((lot) => {
      const p = lot.toProps();
      return sql`(${p.id}::uuid, ${p.remainingQuantity.milli.toString()}::bigint, ${p.remainingValue.minor.toString()}::bigint)`;
    });
    await withDatabaseErrors(() =>
      this.client.executor().execute(sql`
        update production.lots as l set remaining_milli = v.remaining_milli, remaining_value = v.remaining_value
          from (values ${sql.join(values, sql`, `)}) as v (id, remaining_milli, remaining_value)
         where l.id = v.id`),
    );
  }

  async saveItems(items: readonly StockItem[]): Promise<void> {
    if (items.length === 0) return;
    const values = items.map((item) => {
      const r = stockItemRow(item);
      return sql`(${r.organizationId}::uuid, ${r.itemId}::uuid, ${String(r.quantityMilli)}::bigint, ${String(r.value)}::bigint,
                  ${String(r.shortfallMilli)}::bigint, ${String(r.shortfallValue)}::bigint, ${String(r.lastSequence)}::bigint)`;
    });
    await withDatabaseErrors(() =>
      this.client.executor().execute(sql`
        update production.stock_items as s
           set quantity_milli = v.quantity_milli, value = v.value, shortfall_milli = v.shortfall_milli,
               shortfall_value = v.shortfall_value, last_sequence = v.last_sequence
          from (values ${sql.join(values, sql`, `)})
            as v (organization_id, item_id, quantity_milli, value, shortfall_milli, shortfall_value, last_sequence)
         where s.organization_id = v.organization_id and s.item_id = v.item_id`),
    );
  }

  async append(movements: readonly StockMovement[]): Promise<void> {
    if (movements.length === 0) return;
    await withDatabaseErrors(() => this.client.executor().insert(stockMovements).values(movements.map(movementRow)));
  }

  async movementsOf(organizationId: Uuid, document: Pick<DocumentRef, "type" | "id">): Promise<StockMovement[]> {
    const rows = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select()
        .from(stockMovements)
        .where(
          and(
            eq(stockMovements.organizationId, organizationId),
            eq(stockMovements.documentId, document.id),
            eq(stockMovements.documentType, document.type),
          ),
        )
        .orderBy(asc(stockMovements.itemId), asc(stockMovements.sequence)),
    );
    return rows.map(toMovement);
  }

  async returnedFor(organizationId: Uuid, movementIds: readonly Uuid[]): Promise<Map<Uuid, Returned>> {
    if (movementIds.length === 0) return new Map();
    const rows = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select({
          id: stockMovements.reversesMovementId,
          quantity: sql<string>`sum(${stockMovements.quantityMilli})::text`,
          value: sql<string>`sum(${stockMovements.value})::text`,
        })
        .from(stockMovements)
        .where(
          and(
            eq(stockMovements.organizationId, organizationId),
            inArray(stockMovements.reversesMovementId, [...movementIds]),
          ),
        )
        .groupBy(stockMovements.reversesMovementId),
    );
    return new Map(
      rows.flatMap((r) =>
        r.id
          ? [[r.id, { quantity: Quantity.fromMilli(BigInt(r.quantity)), value: Money.ofMinor(BigInt(r.value)) }]]
          : [],
      ),
    );
  }
}
