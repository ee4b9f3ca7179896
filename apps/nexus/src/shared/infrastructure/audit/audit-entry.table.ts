import { sql } from "drizzle-orm";
import { bigint, check, jsonb, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { platform } from "@/shared/infrastructure/database/schemas";

/** Chain key: the organization, or the nil UUID for the global (anonymous) chain. */
export const GLOBAL_CHAIN = "00000000-0000-0000-0000-000000000000";

/**
 * Append-only (trigger in migration `audit_append_only`), so no updated_at and no baseColumns().
 * occurred_at is written by the application with ms precision so the hash can be recomputed.
 */
export const auditEntries = platform.table(
  "audit_entries",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id"),
    chainSeq: bigint("chain_seq", { mode: "number" }).notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
    occurredAt: timestamp("occurred_at", {
      withTimezone: true,
      mode: "date",
    }).notNull(),
    actorId: uuid("actor_id"),
    actorType: text("actor_type").notNull(),
    action: text("action").notNull(),
    outcome: text("outcome").notNull(),
    resourceType: text("resource_type"),
    resourceId: text("resource_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    traceId: text("trace_id"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    check("audit_entries_outcome_check", sql`${t.outcome} in ('success', 'failure', 'denied')`),
    check("audit_entries_actor_type_check", sql`${t.actorType} in ('user', 'system', 'anonymous')`),
    // Backstop for the advisory lock: two writers can never both take the same seq in a chain.
    uniqueIndex("audit_entries_chain_seq_uq").on(
      sql`coalesce(${t.organizationId}, '${sql.raw(GLOBAL_CHAIN)}'::uuid)`,
      t.chainSeq,
    ),
  ],
);

/** SQL expression matching the unique index, so chain look-ups use it. */
export const chainKeyExpr = sql`coalesce(${auditEntries.organizationId}, '${sql.raw(GLOBAL_CHAIN)}'::uuid)`;

export type AuditEntryRow = typeof auditEntries.$inferSelect;
