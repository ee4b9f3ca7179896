import { sql } from "drizzle-orm";
import { check, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { tax } from "@/shared/infrastructure/database/schemas";

/**
 * Which document each Idempotency-Key issued, written in the document's own transaction: the
 * backstop for a response the platform middleware failed to store (docs/adr/0007). Kept as long as
 * the documents (insert only, one small row each). No surrogate id: the natural key is what every
 * statement addresses. No foreign key: the row is claimed before the document it names is inserted,
 * and `document_id` names an invoice or a credit note depending on `scope`.
 */
export const issueRequests = tax.table(
  "issue_requests",
  {
    organizationId: uuid("organization_id").$type<Uuid>().notNull(),
    /** `invoice`, or `credit-note:<invoice id>`: a key never answers for another route or invoice. */
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    /** The middleware's SHA-256 (hex) of the canonical request body. */
    requestHash: text("request_hash").notNull(),
    documentId: uuid("document_id").$type<Uuid>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.scope, t.key] }),
    check("issue_requests_scope_check", sql`${t.scope} = 'invoice' or ${t.scope} like 'credit-note:%'`),
  ],
);
