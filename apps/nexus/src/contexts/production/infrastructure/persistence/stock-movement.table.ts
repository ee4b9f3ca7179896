import { sql } from "drizzle-orm";
import { bigint, check, index, integer, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { production } from "@/shared/infrastructure/database/schemas";
import type { ItemKind } from "../../domain/lot.entity";
import type { AdjustmentReason, DocumentRef, MovementKind } from "../../domain/stock-movement.value-object";
import { id, milli, minor } from "./columns";

/** The append-only stock ledger: a trigger refuses UPDATE, DELETE and TRUNCATE. */
export const stockMovements = production.table(
  "stock_movements",
  {
    id: uuid("id").$type<Uuid>().primaryKey(),
    organizationId: id("organization_id").notNull(),
    itemId: id("item_id").notNull(),
    itemKind: text("item_kind").$type<ItemKind>().notNull(),
    sequence: bigint("sequence", { mode: "number" }).notNull(),
    lotId: id("lot_id"),
    kind: text("kind").$type<MovementKind>().notNull(),
    quantityMilli: milli("quantity_milli").notNull(),
    value: minor("value").notNull(),
    balanceMilli: milli("balance_milli").notNull(),
    balanceValue: minor("balance_value").notNull(),
    documentType: text("document_type").$type<DocumentRef["type"]>().notNull(),
    documentId: id("document_id").notNull(),
    lineNumber: integer("line_number"),
    reversesMovementId: id("reverses_movement_id"),
    reason: text("reason").$type<AdjustmentReason>(),
    note: text("note"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("stock_movements_item_sequence_key").on(t.organizationId, t.itemId, t.sequence),
    index("stock_movements_org_time_idx").on(t.organizationId, t.occurredAt, t.id),
    index("stock_movements_lot_idx").on(t.lotId),
    index("stock_movements_document_idx").on(t.organizationId, t.documentId),
    index("stock_movements_reverses_idx").on(t.reversesMovementId),
    check(
      "stock_movements_kind_check",
      sql`${t.kind} in ('receipt', 'consumption', 'output', 'sale', 'sale-reversal', 'adjustment')`,
    ),
  ],
);

export type StockMovementRow = typeof stockMovements.$inferSelect;
