import { sql } from "drizzle-orm";
import { check, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { baseColumns } from "@/shared/infrastructure/database/base-columns";
import { tax } from "@/shared/infrastructure/database/schemas";

/** The organization's fiscal identity (the seller on its documents); one row per organization. */
export const taxSettings = tax.table(
  "settings",
  {
    ...baseColumns(),
    organizationId: uuid("organization_id").$type<Uuid>().notNull(),
    legalName: text("legal_name").notNull(),
    taxId: text("tax_id").notNull(),
    addressLine1: text("address_line1").notNull(),
    city: text("city").notNull(),
    postalCode: text("postal_code").notNull(),
    countryCode: text("country_code").notNull(),
  },
  (t) => [
    uniqueIndex("settings_organization_idx").on(t.organizationId),
    check("settings_country_code_check", sql`${t.countryCode} ~ '^[A-Z]{2}$'`),
  ],
);

export type TaxSettingsRow = typeof taxSettings.$inferSelect;
