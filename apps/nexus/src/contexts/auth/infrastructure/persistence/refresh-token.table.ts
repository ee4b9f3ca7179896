import { integer, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { auth } from "@/shared/infrastructure/database/schemas";

/**
 * Every refresh token a session ever held (SHA-256 only), with the generation it was issued as, so
 * a rotated token presented again is recognised as REUSE instead of an unknown token. Rows are
 * never updated (no updated_at); they go when their session is purged.
 */
export const refreshTokens = auth.table(
  "refresh_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    sessionId: uuid("session_id").$type<Uuid>().notNull(),
    generation: integer("generation").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  // Also serves "the family of a session" (session_id leads).
  (t) => [unique("refresh_tokens_session_generation_uq").on(t.sessionId, t.generation)],
);

export type RefreshTokenRow = typeof refreshTokens.$inferSelect;
