import { sql } from "drizzle-orm";
import { bigserial, check, index, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { auth } from "@/shared/infrastructure/database/schemas";
import { ROLES, type Role } from "../../domain/role.value-object";

/**
 * Revocations that access tokens still alive may be subject to (ADR 0010): an ended session, or a
 * member's changed role in an organization (`role` null: removed). Written in the revoking
 * transaction; every instance loads the unexpired rows when it (re)connects to the broadcast. Rows
 * are useless once every token they can concern has expired (`expires_at`) and are purged.
 * `sequence` orders changes of one membership: they are serialised by its row lock, and each
 * writes here after taking it.
 */
export const accessRevocations = auth.table(
  "access_revocations",
  {
    id: uuid("id").$type<Uuid>().primaryKey(),
    sequence: bigserial("sequence", { mode: "number" }).notNull().unique("access_revocations_sequence_uq"),
    sessionId: uuid("session_id").$type<Uuid>(),
    organizationId: uuid("organization_id").$type<Uuid>(),
    userId: uuid("user_id").$type<Uuid>(),
    role: text("role", { enum: ROLES }).$type<Role>(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "access_revocations_kind_check",
      sql`(${t.sessionId} is not null and ${t.organizationId} is null and ${t.userId} is null and ${t.role} is null)
        or (${t.sessionId} is null and ${t.organizationId} is not null and ${t.userId} is not null)`,
    ),
    index("access_revocations_expires_idx").on(t.expiresAt),
  ],
);

export type AccessRevocationRow = typeof accessRevocations.$inferSelect;
