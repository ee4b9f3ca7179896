import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, jsonb, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { platform } from "@/shared/infrastructure/database/schemas";

export const OUTBOX_STATUSES = ["pending", "delivered", "parked"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * The transactional outbox, kept forever as the event log (BI rebuilds from it, in `sequence` order),
 * except transient events (`purge_after` set), purged once delivered and past it.
 * `next_attempt_at` doubles as the relay's lease: claiming pushes it into the future, so a relay that
 * dies mid-delivery leaves its events to be picked up again when the lease runs out. See ADR 0004.
 */
export const outboxEvents = platform.table(
  "outbox_events",
  {
    id: uuid("id").$type<Uuid>().primaryKey(),
    sequence: bigserial("sequence", { mode: "number" }).notNull().unique("outbox_events_sequence_uq"),
    type: text("type").notNull(),
    version: integer("version").notNull(),
    organizationId: uuid("organization_id").$type<Uuid>(),
    aggregateId: uuid("aggregate_id").$type<Uuid>().notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date" }).notNull(),
    payload: jsonb("payload").$type<unknown>().notNull(),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    lastError: text("last_error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true, mode: "date" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** Transient events only (a contract's `retainDays`): once delivered, purged after this instant. */
    purgeAfter: timestamp("purge_after", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    check("outbox_events_status_check", sql`${t.status} in ('pending', 'delivered', 'parked')`),
    // The relay's scan and its "is there an earlier undelivered event of this aggregate?" probe.
    index("outbox_events_pending_idx").on(t.sequence).where(sql`${t.status} = 'pending'`),
    index("outbox_events_undelivered_aggregate_idx")
      .on(t.aggregateId, t.sequence)
      .where(sql`${t.status} <> 'delivered'`),
    // Rebuilding one organization's projections reads its events in order.
    index("outbox_events_organization_sequence_idx").on(t.organizationId, t.sequence),
    index("outbox_events_purge_after_idx").on(t.purgeAfter).where(sql`${t.purgeAfter} is not null`),
  ],
);

export type OutboxEventRow = typeof outboxEvents.$inferSelect;
