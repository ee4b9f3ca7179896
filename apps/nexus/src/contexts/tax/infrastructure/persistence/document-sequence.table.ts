import { sql } from "drizzle-orm";
import { check, date, integer, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { baseColumns } from "@/shared/infrastructure/database/base-columns";
import { tax } from "@/shared/infrastructure/database/schemas";
import type { DocumentSeries } from "../../domain/document-number.value-object";

/**
 * The gapless counters: one row per organization, series and year, incremented under a row lock
 * inside the issuing transaction, so a rollback returns the number (ADR 0011).
 */
export const documentSequences = tax.table(
  "document_sequences",
  {
    ...baseColumns(),
    organizationId: uuid("organization_id").$type<Uuid>().notNull(),
    series: text("series").$type<DocumentSeries>().notNull(),
    year: integer("year").notNull(),
    lastSequence: integer("last_sequence").notNull(),
    lastIssueDate: date("last_issue_date", { mode: "string" }),
  },
  (t) => [
    uniqueIndex("document_sequences_series_idx").on(t.organizationId, t.series, t.year),
    check("document_sequences_series_check", sql`${t.series} in ('invoice', 'credit-note')`),
    check("document_sequences_last_check", sql`${t.lastSequence} >= 0`),
  ],
);
