import { date, jsonb, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bi } from "@/shared/infrastructure/database/schemas";

/** What BI remembers of each organization from auth's events: its calendar and its currency. */
export const biOrganizations = bi.table("organizations", {
  organizationId: uuid("organization_id").primaryKey(),
  name: text("name").notNull(),
  currency: text("currency").notNull(),
  timezone: text("timezone").notNull(),
});

export interface StoredInvoiceLine {
  readonly productId: string;
  readonly quantity: string;
  readonly net: number;
  readonly tax: number;
}

/**
 * Issued invoices' lines, kept so a cancellation (whose event carries no lines) can take back exactly
 * what the invoice added. A cancellation seen before its invoice leaves a `cancelled` row without lines.
 */
export const biInvoices = bi.table(
  "invoices",
  {
    organizationId: uuid("organization_id").notNull(),
    invoiceId: uuid("invoice_id").notNull(),
    issueDate: date("issue_date", { mode: "string" }).notNull(),
    status: text("status", { enum: ["issued", "cancelled"] }).notNull(),
    lines: jsonb("lines").$type<StoredInvoiceLine[]>(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.invoiceId] })],
);

/** The day each document's goods movements belong to: shipments (by invoice) and credit notes. */
export const biDocumentDays = bi.table(
  "document_days",
  {
    organizationId: uuid("organization_id").notNull(),
    kind: text("kind", { enum: ["shipment", "credit-note"] }).notNull(),
    documentId: uuid("document_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.kind, t.documentId] })],
);

/** Names for the ranking, from the latest invoice or production order that mentioned the product. */
export const biProducts = bi.table(
  "products",
  {
    organizationId: uuid("organization_id").notNull(),
    productId: uuid("product_id").notNull(),
    name: text("name").notNull(),
    sku: text("sku").notNull(),
    unit: text("unit"),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.productId] })],
);

/**
 * The events reflected in this organization's projections. The platform inbox makes delivery
 * exactly-once; this set makes a rebuild and a concurrent live delivery agree on which events count.
 */
export const biAppliedEvents = bi.table(
  "applied_events",
  {
    organizationId: uuid("organization_id").notNull(),
    eventId: uuid("event_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.eventId] })],
);

/** Freshness: the newest event applied and when. */
export const biProjectionState = bi.table("projection_state", {
  organizationId: uuid("organization_id").primaryKey(),
  lastEventAt: timestamp("last_event_at", { withTimezone: true, mode: "date" }).notNull(),
  lastAppliedAt: timestamp("last_applied_at", { withTimezone: true, mode: "date" }).notNull(),
  rebuiltAt: timestamp("rebuilt_at", { withTimezone: true, mode: "date" }),
});
