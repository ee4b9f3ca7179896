import { sql } from "drizzle-orm";
import { index, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { platform } from "@/shared/infrastructure/database/schemas";

/** Mail "sent" by the embedded default: readable at GET /dev/mailbox, never outside development. */
export const devMailbox = platform.table(
  "dev_mailbox",
  {
    id: uuid("id").$type<Uuid>().primaryKey(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  // Rows are never updated, so no updated_at; ids are UUIDv7, so id order is creation order.
  (t) => [index("dev_mailbox_recipient_id_idx").on(t.recipient, t.id)],
);
