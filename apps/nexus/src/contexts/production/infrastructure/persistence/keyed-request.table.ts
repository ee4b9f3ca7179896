import { sql } from "drizzle-orm";
import { check, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { production } from "@/shared/infrastructure/database/schemas";
import type { KeyedOperation } from "../../application/ports/keyed-request.repository";
import { id } from "./columns";

/**
 * Which order, receipt or adjustment each Idempotency-Key created, written in the same transaction:
 * the backstop for a response the platform middleware failed to store (docs/adr/0007). Insert only,
 * one small row each, kept like the ledger it protects. No foreign key: the row is claimed before the
 * resource it names is inserted, and `resource_id` is an order, a lot or an adjustment (the movement's
 * document id) depending on `operation`.
 */
export const keyedRequests = production.table(
  "keyed_requests",
  {
    organizationId: id("organization_id").notNull(),
    operation: text("operation").$type<KeyedOperation>().notNull(),
    key: text("key").notNull(),
    /** The middleware's SHA-256 (hex) of the canonical request body. */
    requestHash: text("request_hash").notNull(),
    resourceId: id("resource_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.operation, t.key] }),
    check("keyed_requests_operation_check", sql`${t.operation} in ('order', 'receipt', 'adjustment')`),
  ],
);
