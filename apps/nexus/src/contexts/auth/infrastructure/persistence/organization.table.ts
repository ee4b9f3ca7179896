import { sql } from "drizzle-orm";
import { check, text } from "drizzle-orm/pg-core";
import { baseColumns } from "@/shared/infrastructure/database/base-columns";
import { auth } from "@/shared/infrastructure/database/schemas";

/** Tenants. Everything tenant-scoped in other contexts carries this id (never a foreign key: §2). */
export const organizations = auth.table(
  "organizations",
  {
    ...baseColumns(),
    name: text("name").notNull(),
    currency: text("currency").notNull(),
    timezone: text("timezone").notNull(),
  },
  (t) => [check("organizations_currency_check", sql`${t.currency} ~ '^[A-Z]{3}$'`)],
);

export type OrganizationRow = typeof organizations.$inferSelect;
