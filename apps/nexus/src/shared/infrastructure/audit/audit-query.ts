import { and, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { type DomainError, err, ok, type Result } from "@/shared/domain/result";
import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { keysetPage } from "@/shared/infrastructure/database/keyset-page";
import type { AuditEntry } from "./audit-entry";
import { toAuditEntry } from "./audit-entry.mapper";
import { auditEntries, chainKeyExpr, GLOBAL_CHAIN } from "./audit-entry.table";

export interface AuditQuery {
  readonly organizationId: Uuid | null;
  /** Inclusive lower bound on occurredAt. */
  readonly from?: Timestamp;
  /** Exclusive upper bound on occurredAt. */
  readonly to?: Timestamp;
  readonly action?: string;
  readonly actorId?: Uuid;
  readonly limit: number;
  /** Opaque, from a previous page's nextCursor. */
  readonly cursor?: string;
}

export interface AuditPage {
  readonly items: AuditEntry[];
  readonly nextCursor: string | null;
}

export type InvalidAuditCursor = DomainError<"invalid-cursor">;

export const MAX_AUDIT_PAGE = 200;

/**
 * Newest first, keyset-paginated on chain_seq (unique and time-ordered within an organization's
 * chain), so pages stay stable while new entries are appended.
 */
export async function listAuditEntries(
  client: DatabaseClient,
  query: AuditQuery,
): Promise<Result<AuditPage, InvalidAuditCursor>> {
  const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (before === null)
    return err({
      code: "invalid-cursor",
      message: "cursor is not one this API issued",
    });
  const limit = Math.min(Math.max(Math.trunc(query.limit), 1), MAX_AUDIT_PAGE);

  const conditions: SQL[] = [sql`${chainKeyExpr} = ${query.organizationId ?? GLOBAL_CHAIN}::uuid`];
  if (before !== undefined) conditions.push(lt(auditEntries.chainSeq, before));
  if (query.from) conditions.push(gte(auditEntries.occurredAt, query.from.toDate()));
  if (query.to) conditions.push(lt(auditEntries.occurredAt, query.to.toDate()));
  if (query.action) conditions.push(eq(auditEntries.action, query.action));
  if (query.actorId) conditions.push(eq(auditEntries.actorId, query.actorId));

  const rows = await withDatabaseErrors(() =>
    client
      .executor()
      .select()
      .from(auditEntries)
      .where(and(...conditions))
      .orderBy(desc(auditEntries.chainSeq))
      .limit(limit + 1),
  );
  return ok(keysetPage(rows.map(toAuditEntry), limit, (last) => encodeCursor(last.chainSeq)));
}

function encodeCursor(chainSeq: number): string {
  return Buffer.from(JSON.stringify({ s: chainSeq })).toString("base64url");
}

/** The seq to continue below, or null when the cursor is malformed. */
function decodeCursor(cursor: string): number | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    const seq = (parsed as { s?: unknown } | null)?.s;
    return typeof seq === "number" && Number.isSafeInteger(seq) && seq > 0 ? seq : null;
  } catch {
    return null;
  }
}
