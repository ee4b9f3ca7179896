import { sql } from "drizzle-orm";
import { text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { baseColumns } from "@/shared/infrastructure/database/base-columns";
import { auth } from "@/shared/infrastructure/database/schemas";

/**
 * Accounts. The unique index is on lower(email) so that, even if a non-normalised address ever
 * slipped in, two spellings of one mailbox could not be two accounts; look-ups use the same
 * expression so they are index look-ups.
 */
export const users = auth.table(
  "users",
  {
    ...baseColumns(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [uniqueIndex("users_email_lower_uq").on(sql`lower(${t.email})`)],
);

export type UserRow = typeof users.$inferSelect;
