import { sql } from "drizzle-orm";
import { check, index, integer, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { baseColumns } from "@/shared/infrastructure/database/base-columns";
import { auth } from "@/shared/infrastructure/database/schemas";
import type { SessionRevocationReason } from "../../domain/session.entity";

/**
 * Sign-in sessions. `refresh_token_hash` is the SHA-256 of the CURRENT refresh token; look-ups by
 * hash go through `auth.refresh_tokens` (the whole family, primary key = hash), never this column.
 */
export const sessions = auth.table(
  "sessions",
  {
    ...baseColumns(),
    userId: uuid("user_id").$type<Uuid>().notNull(),
    organizationId: uuid("organization_id").$type<Uuid>(),
    refreshTokenHash: text("refresh_token_hash").notNull(),
    generation: integer("generation").notNull(),
    rotatedAt: timestamp("rotated_at", { withTimezone: true, mode: "date" }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date" }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    revokedReason: text("revoked_reason").$type<SessionRevocationReason>(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [
    check("sessions_generation_check", sql`${t.generation} >= 1`),
    check("sessions_revoked_check", sql`(${t.revokedAt} is null) = (${t.revokedReason} is null)`),
    // "My active sessions": only live rows are indexed, most recently used first.
    index("sessions_user_active_idx").on(t.userId, t.lastUsedAt.desc()).where(sql`${t.revokedAt} is null`),
  ],
);

export type SessionRow = typeof sessions.$inferSelect;
