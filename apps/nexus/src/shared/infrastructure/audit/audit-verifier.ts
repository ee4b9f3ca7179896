import { asc, type SQL, sql } from "drizzle-orm";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient, Db } from "@/shared/infrastructure/database/database-client";
import { toAuditEntry } from "./audit-entry.mapper";
import { auditEntries, chainKeyExpr, GLOBAL_CHAIN } from "./audit-entry.table";
import { computeAuditHash, GENESIS_HASH } from "./audit-hash";

export interface AuditVerification {
  readonly valid: boolean;
  /** Entries checked, including the broken one. */
  readonly checked: number;
  readonly firstBrokenId: Uuid | null;
}

const BATCH = 500;

/**
 * Walks chains in chain_seq order, BATCH rows at a time, recomputing every hash. An entry is
 * broken when its seq is not the next one, its prev_hash is not the previous entry's hash, or its
 * hash does not match its content. Stops at the first broken entry. Without `organizationId`
 * every chain is walked (CLI); `organizationId: null` walks the global chain only.
 */
export async function verifyAuditChain(
  client: DatabaseClient,
  options: { organizationId?: Uuid | null } = {},
): Promise<AuditVerification> {
  return withDatabaseErrors(async () => {
    const db = client.executor();
    let checked = 0;
    const chains =
      options.organizationId === undefined ? allChains(db) : oneChain(options.organizationId ?? GLOBAL_CHAIN);
    for await (const chainKey of chains) {
      const result = await verifyChain(db, chainKey);
      checked += result.checked;
      if (result.firstBrokenId) return { valid: false, checked, firstBrokenId: result.firstBrokenId };
    }
    return { valid: true, checked, firstBrokenId: null };
  });
}

async function verifyChain(db: Db, chainKey: string): Promise<{ checked: number; firstBrokenId: Uuid | null }> {
  let checked = 0;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEntries)
      .where(sql`${chainKeyExpr} = ${chainKey}::uuid and ${auditEntries.chainSeq} >= ${expectedSeq}`)
      .orderBy(asc(auditEntries.chainSeq))
      .limit(BATCH);
    for (const row of rows) {
      const entry = toAuditEntry(row);
      checked += 1;
      const intact =
        entry.chainSeq === expectedSeq &&
        entry.prevHash === prevHash &&
        computeAuditHash(entry.prevHash, entry) === entry.hash;
      if (!intact) return { checked, firstBrokenId: entry.id };
      expectedSeq += 1;
      prevHash = entry.hash;
    }
    if (rows.length < BATCH) return { checked, firstBrokenId: null };
  }
}

// Skip scan over the (chain, seq) index: one cheap query per chain, never the whole table at once.
async function* allChains(db: Db): AsyncGenerator<string> {
  let after: string | null = null;
  for (;;) {
    const condition: SQL = after === null ? sql`true` : sql`${chainKeyExpr} > ${after}::uuid`;
    const [row]: { chainKey: string }[] = await db
      .select({ chainKey: sql<string>`${chainKeyExpr}` })
      .from(auditEntries)
      .where(condition)
      .orderBy(sql`${chainKeyExpr}`)
      .limit(1);
    if (!row) return;
    after = row.chainKey;
    yield row.chainKey;
  }
}

async function* oneChain(chainKey: string): AsyncGenerator<string> {
  yield chainKey;
}
