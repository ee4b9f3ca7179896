import { sql } from "drizzle-orm";
import { primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { platform } from "@/shared/infrastructure/database/schemas";

/**
 * One row per (consumer, event) a handler has applied, written in the handler's own transaction:
 * a redelivered event finds its row and is skipped, so each consumer applies it exactly once.
 */
export const inboxEntries = platform.table(
  "inbox",
  {
    consumer: text("consumer").notNull(),
    eventId: uuid("event_id").$type<Uuid>().notNull(),
    processedAt: timestamp("processed_at", { withTimezone: true, mode: "date" }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.eventId] })],
);
