import { asc, type SQL, sql } from "drizzle-orm";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient, Db } from "@/shared/infrastructure/database/database-client";
import { toAuditEntry } from "./audit-entry.mapper";
import { auditEntries, chainKeyExpr, GLOBAL_CHAIN } from "./audit-entry.table";
import { type AuditChainKeys, computeAuditHash, GENESIS_HASH } from "./audit-hash";

/** Why a chain failed. */
export type AuditBreak =
  /** An entry's seq, prev_hash or hash does not follow (altered, inserted or removed in the middle). */
  | "broken-link"
  /** An entry's hash is not the keyed one: rewritten and rehashed without AUDIT_CHAIN_KEY. */
  | "not-keyed"
  /** Only unkeyed entries: the keyed tail was removed (or the chain was never sealed: start the app once). */
  | "unsealed"
  /** The anchored entry is gone: the chain was cut back below an anchored head. */
  | "truncated"
  /** The anchored entry is there with another hash. */
  | "anchor-mismatch";

export interface AuditVerification {
  readonly valid: boolean;
  /** Entries checked, including the broken one. */
  readonly checked: number;
  readonly firstBrokenId: Uuid | null;
  readonly reason: AuditBreak | null;
}

/** A chain head recorded outside the database (from `GET /audit/head`): `seq` must still hash to `hash`. */
export interface AuditAnchor {
  /** The organization, or null for the global chain. */
  readonly organizationId: Uuid | null;
  readonly chainSeq: number;
  readonly hash: string;
}

const BATCH = 500;

/**
 * Walks chains in chain_seq order, BATCH rows at a time, recomputing every hash. An entry is
 * broken when its seq is not the next one, its prev_hash is not the previous entry's hash, or its
 * hash is not its content's keyed hash. Unkeyed (sha256) entries from before the key are accepted
 * only as a prefix that a keyed entry follows (ADR 0015). Stops at the first broken entry. Without
 * `organizationId` every chain is walked (CLI); `organizationId: null` walks the global chain only.
 */
export async function verifyAuditChain(
  client: DatabaseClient,
  keys: AuditChainKeys,
  options: { organizationId?: Uuid | null; anchors?: readonly AuditAnchor[] } = {},
): Promise<AuditVerification> {
  return withDatabaseErrors(async () => {
    const db = client.executor();
    const anchors = new Map((options.anchors ?? []).map((a) => [a.organizationId ?? GLOBAL_CHAIN, a]));
    let checked = 0;
    const chains =
      options.organizationId === undefined
        ? allChains(db, [...anchors.keys()])
        : oneChain(options.organizationId ?? GLOBAL_CHAIN);
    for await (const chainKey of chains) {
      const result = await verifyChain(db, keys, chainKey, anchors.get(chainKey));
      checked += result.checked;
      if (result.reason) return { valid: false, checked, firstBrokenId: result.firstBrokenId, reason: result.reason };
    }
    return { valid: true, checked, firstBrokenId: null, reason: null };
  });
}

interface ChainResult {
  readonly checked: number;
  readonly firstBrokenId: Uuid | null;
  readonly reason: AuditBreak | null;
}

async function verifyChain(
  db: Db,
  keys: AuditChainKeys,
  chainKey: string,
  anchor: AuditAnchor | undefined,
): Promise<ChainResult> {
  let checked = 0;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let keyed = false;
  let firstId: Uuid | null = null;
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
      firstId ??= entry.id;
      if (entry.chainSeq !== expectedSeq || entry.prevHash !== prevHash) {
        return { checked, firstBrokenId: entry.id, reason: "broken-link" };
      }
      if (keys.signed(entry.prevHash, entry, entry.hash)) keyed = true;
      else if (keyed || computeAuditHash(entry.prevHash, entry) !== entry.hash) {
        return { checked, firstBrokenId: entry.id, reason: keyed ? "not-keyed" : "broken-link" };
      }
      if (anchor && anchor.chainSeq === entry.chainSeq && anchor.hash !== entry.hash) {
        return { checked, firstBrokenId: entry.id, reason: "anchor-mismatch" };
      }
      expectedSeq += 1;
      prevHash = entry.hash;
    }
    if (rows.length < BATCH) break;
  }
  if (checked > 0 && !keyed) return { checked, firstBrokenId: firstId, reason: "unsealed" };
  if (anchor && anchor.chainSeq >= expectedSeq) return { checked, firstBrokenId: null, reason: "truncated" };
  return { checked, firstBrokenId: null, reason: null };
}

// Skip scan over the (chain, seq) index: one cheap query per chain, never the whole table at once.
// Anchored chains are walked even when they have no entry left (a chain cut back to nothing).
async function* allChains(db: Db, anchored: readonly string[]): AsyncGenerator<string> {
  const seen = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const condition: SQL = after === null ? sql`true` : sql`${chainKeyExpr} > ${after}::uuid`;
    const [row]: { chainKey: string }[] = await db
      .select({ chainKey: sql<string>`${chainKeyExpr}` })
      .from(auditEntries)
      .where(condition)
      .orderBy(sql`${chainKeyExpr}`)
      .limit(1);
    if (!row) break;
    after = row.chainKey;
    seen.add(row.chainKey);
    yield row.chainKey;
  }
  for (const chainKey of anchored) if (!seen.has(chainKey)) yield chainKey;
}

async function* oneChain(chainKey: string): AsyncGenerator<string> {
  yield chainKey;
}

/** `--anchor <organizationId|global>:<seq>:<hash>` arguments (the CLI's), or why they are malformed. */
export function parseAnchors(
  args: readonly string[],
): { ok: true; value: AuditAnchor[] } | { ok: false; error: string } {
  const value: AuditAnchor[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    const text = arg === "--anchor" ? args[++i] : arg.startsWith("--anchor=") ? arg.slice(9) : undefined;
    if (text === undefined)
      return { ok: false, error: `unknown argument "${arg}" (expected --anchor <chain>:<seq>:<hash>)` };
    const match = /^(global|[0-9a-f-]{36}):(\d+):([0-9a-f]{64})$/i.exec(text);
    if (!match) return { ok: false, error: `--anchor "${text}": expected <organizationId|global>:<seq>:<64 hex>` };
    const [, chain = "", seq = "", hash = ""] = match;
    value.push({
      organizationId: chain.toLowerCase() === "global" ? null : (chain.toLowerCase() as Uuid),
      chainSeq: Number(seq),
      hash: hash.toLowerCase(),
    });
  }
  return { ok: true, value };
}
