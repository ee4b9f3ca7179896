import { desc, sql } from "drizzle-orm";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { auditEntries, chainKeyExpr, GLOBAL_CHAIN } from "./audit-entry.table";
import { GENESIS_HASH } from "./audit-hash";

/** The newest entry of a chain: what to record elsewhere (an anchor) to detect a later truncation. */
export interface AuditChainHead {
  readonly organizationId: Uuid | null;
  /** 0 and the genesis hash for a chain without entries. */
  readonly chainSeq: number;
  readonly hash: string;
  readonly occurredAt: string | null;
}

export async function auditChainHead(client: DatabaseClient, organizationId: Uuid | null): Promise<AuditChainHead> {
  const chainKey = organizationId ?? GLOBAL_CHAIN;
  const [last] = await withDatabaseErrors(() =>
    client
      .executor()
      .select({ chainSeq: auditEntries.chainSeq, hash: auditEntries.hash, occurredAt: auditEntries.occurredAt })
      .from(auditEntries)
      .where(sql`${chainKeyExpr} = ${chainKey}::uuid`)
      .orderBy(desc(auditEntries.chainSeq))
      .limit(1),
  );
  return {
    organizationId,
    chainSeq: last?.chainSeq ?? 0,
    hash: last?.hash ?? GENESIS_HASH,
    occurredAt: last ? last.occurredAt.toISOString() : null,
  };
}

/** Every chain's head (the CLI's `audit-head`), global chain first. */
export async function allAuditChainHeads(client: DatabaseClient): Promise<AuditChainHead[]> {
  const rows = await withDatabaseErrors(() =>
    client
      .executor()
      .selectDistinctOn([chainKeyExpr], {
        organizationId: auditEntries.organizationId,
        chainSeq: auditEntries.chainSeq,
        hash: auditEntries.hash,
        occurredAt: auditEntries.occurredAt,
      })
      .from(auditEntries)
      .orderBy(chainKeyExpr, desc(auditEntries.chainSeq)),
  );
  return rows.map((r) => ({
    organizationId: r.organizationId as Uuid | null,
    chainSeq: r.chainSeq,
    hash: r.hash,
    occurredAt: r.occurredAt.toISOString(),
  }));
}
