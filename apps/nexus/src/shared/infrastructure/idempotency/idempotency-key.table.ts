import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { platform } from "@/shared/infrastructure/database/schemas";

/**
 * One row per (scope, key): a claim while the first request runs, then its stored response.
 * No surrogate id: the natural key is what every statement addresses. See docs/adr/0007.
 */
export const idempotencyKeys = platform.table(
  "idempotency_keys",
  {
    /** Tenant + method + path, so a key never replays across organizations or routes. */
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    /** SHA-256 (hex) of the canonical request body. */
    requestHash: text("request_hash").notNull(),
    status: text("status", { enum: ["in_progress", "completed"] }).notNull(),
    /** Which attempt owns the row; completing or releasing a claim someone else took over is a no-op. */
    claimId: uuid("claim_id").notNull(),
    responseStatus: integer("response_status"),
    responseHeaders: jsonb("response_headers").$type<Record<string, string>>(),
    responseBody: text("response_body"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.key] }),
    index("idempotency_keys_expires_at_idx").on(t.expiresAt),
    check("idempotency_keys_status_check", sql`${t.status} in ('in_progress', 'completed')`),
  ],
);
