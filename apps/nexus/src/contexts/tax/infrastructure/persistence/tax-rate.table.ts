import { sql } from "drizzle-orm";
import { check, date, index, integer, text, uuid } from "drizzle-orm/pg-core";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { baseColumns } from "@/shared/infrastructure/database/base-columns";
import { tax } from "@/shared/infrastructure/database/schemas";

/** Rates per code and period; non-overlap per code is checked under a per-code lock (repository). */
export const taxRates = tax.table(
  "rates",
  {
    ...baseColumns(),
    organizationId: uuid("organization_id").$type<Uuid>().notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    rateBasisPoints: integer("rate_basis_points").notNull(),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    /** Inclusive last day; null = open-ended. */
    validTo: date("valid_to", { mode: "string" }),
  },
  (t) => [
    index("rates_organization_code_idx").on(t.organizationId, t.code, t.validFrom),
    check("rates_basis_points_check", sql`${t.rateBasisPoints} between 0 and 10000`),
    check("rates_period_check", sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

export type TaxRateRow = typeof taxRates.$inferSelect;
