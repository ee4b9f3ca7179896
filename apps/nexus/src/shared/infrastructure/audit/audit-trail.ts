import { desc, sql } from "drizzle-orm";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient, Db } from "@/shared/infrastructure/database/database-client";
import { GroupCommit } from "@/shared/infrastructure/database/group-commit";
import { currentTransaction } from "@/shared/infrastructure/database/transaction-context";
import { toJsonValue } from "@/shared/infrastructure/json/canonical-json";
import { currentRequestContext } from "@/shared/infrastructure/request-context/request-context";
import { redactSecrets } from "@/shared/infrastructure/secrets/redact-secrets";
import { type AuditChainHead, auditChainHead } from "./audit-chain-head";
import type { AuditEntry, AuditEntryInput } from "./audit-entry";
import { toAuditEntry } from "./audit-entry.mapper";
import { auditEntries, chainKeyExpr, GLOBAL_CHAIN } from "./audit-entry.table";
import { type AuditChainKeys, computeAuditHash, GENESIS_HASH, type HashedAuditFields } from "./audit-hash";
import { type AuditVerification, verifyAuditChain } from "./audit-verifier";

/**
 * Writes hash-chained audit entries, each hash keyed with AUDIT_CHAIN_KEY (ADR 0015). `record`
 * enlists in the surrounding unit of work, so a use case's audit entry commits or rolls back with its
 * writes. `recordIndependently` is for events that must survive a failing flow (failed logins): it
 * commits on its own. See ADR 0006.
 */
export class AuditTrail {
  /** Independent entries of one chain arriving together share a transaction (see GroupCommit). */
  private readonly independent: GroupCommit<AuditEntryInput, AuditEntry>;

  constructor(
    private readonly client: DatabaseClient,
    private readonly keys: AuditChainKeys,
  ) {
    this.independent = new GroupCommit((inputs) =>
      withDatabaseErrors(() =>
        this.client.db.transaction((tx) => appendAll(tx, this.keys, inputs[0]?.organizationId ?? null, inputs)),
      ),
    );
  }

  /** In the current transaction if there is one, else in a transaction of its own. */
  async record(input: AuditEntryInput): Promise<AuditEntry> {
    const tx = currentTransaction(this.client);
    if (tx) return withDatabaseErrors(() => append(tx, this.keys, input));
    return this.recordIndependently(input);
  }

  /**
   * Commits in its own transaction. Must be called outside any unit of work: on PGlite (one
   * connection) a second transaction would wait forever for the open one, and on PostgreSQL it
   * could wait for the chain lock that very transaction holds. Refusing both keeps behaviour equal.
   */
  async recordIndependently(input: AuditEntryInput): Promise<AuditEntry> {
    if (currentTransaction(this.client)) {
      throw new Error(
        "AuditTrail.recordIndependently called inside a unit of work; call it after the transaction ends",
      );
    }
    // The request's ip, user agent, trace and actor are read now: the batch may commit in another caller's.
    return this.independent.submit(input.organizationId ?? GLOBAL_CHAIN, withRequestContext(input));
  }

  /** Walks the chain(s) with this trail's key; see `verifyAuditChain`. */
  verify(options: Parameters<typeof verifyAuditChain>[2] = {}): Promise<AuditVerification> {
    return verifyAuditChain(this.client, this.keys, options);
  }

  /** The chain's newest entry, to anchor elsewhere. */
  head(organizationId: Uuid | null): Promise<AuditChainHead> {
    return auditChainHead(this.client, organizationId);
  }

  /**
   * Seals every chain whose newest entry was hashed before the chain had a key: appends a keyed
   * `audit.chain.keyed` entry after it, which vouches (through prev_hash) for the unkeyed prefix. From
   * then on the verifier accepts unkeyed entries only before a keyed one. Run at start-up and after
   * `migrate`; idempotent, and safe on several instances at once (chain lock, head re-read).
   */
  async sealUnkeyedChains(): Promise<number> {
    const heads = await withDatabaseErrors(() =>
      this.client.db
        .selectDistinctOn([chainKeyExpr])
        .from(auditEntries)
        .orderBy(chainKeyExpr, desc(auditEntries.chainSeq)),
    );
    let sealed = 0;
    for (const head of heads.map(toAuditEntry)) {
      if (!isUnkeyed(this.keys, head)) continue;
      const appended = await withDatabaseErrors(() =>
        this.client.db.transaction(async (tx) => {
          await lockChain(tx, head.organizationId ?? GLOBAL_CHAIN);
          const [current] = await lastEntry(tx, head.organizationId ?? GLOBAL_CHAIN);
          if (current?.hash !== head.hash) return false; // someone appended (or sealed) meanwhile
          await append(tx, this.keys, {
            action: "audit.chain.keyed",
            outcome: "success",
            organizationId: head.organizationId,
            actorId: null,
            actorType: "system",
            metadata: { unkeyedThroughSeq: head.chainSeq },
            ip: null,
            userAgent: null,
            traceId: null,
          });
          return true;
        }),
      );
      if (appended) sealed += 1;
    }
    return sealed;
  }
}

/** A head hashed the old way (sha256, no key); a head that is neither is left to the verifier. */
function isUnkeyed(keys: AuditChainKeys, entry: AuditEntry): boolean {
  return !keys.signed(entry.prevHash, entry, entry.hash) && computeAuditHash(entry.prevHash, entry) === entry.hash;
}

async function lockChain(tx: Db, chainKey: string): Promise<void> {
  // Serialises appends per chain until commit; the unique (chain, seq) index is the backstop.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('nexus.audit'), hashtext(${chainKey}))`);
}

function lastEntry(tx: Db, chainKey: string) {
  return tx
    .select({
      chainSeq: auditEntries.chainSeq,
      hash: auditEntries.hash,
      occurredAt: auditEntries.occurredAt,
    })
    .from(auditEntries)
    .where(sql`${chainKeyExpr} = ${chainKey}::uuid`)
    .orderBy(desc(auditEntries.chainSeq))
    .limit(1);
}

async function append(tx: Db, keys: AuditChainKeys, input: AuditEntryInput): Promise<AuditEntry> {
  const [entry] = await appendAll(tx, keys, input.organizationId, [input]);
  if (!entry) throw new Error("appendAll returned no entry");
  return entry;
}

/** Appends `inputs`, in order, to one chain: one lock, one read of the head, one insert. */
async function appendAll(
  tx: Db,
  keys: AuditChainKeys,
  organizationId: Uuid | null,
  inputs: readonly AuditEntryInput[],
): Promise<AuditEntry[]> {
  const chainKey = organizationId ?? GLOBAL_CHAIN;
  // Serialises appends per chain until commit; the unique (chain, seq) index is the backstop. The
  // read is sent with the lock (one round trip, pipelined): the server runs it after the lock is
  // granted, with a snapshot of its own (read committed), so it sees the previous holder's entry.
  const [, [last]] = await Promise.all([
    tx.execute(sql`select pg_advisory_xact_lock(hashtext('nexus.audit'), hashtext(${chainKey}))`),
    tx
      .select({
        chainSeq: auditEntries.chainSeq,
        hash: auditEntries.hash,
        occurredAt: auditEntries.occurredAt,
      })
      .from(auditEntries)
      .where(sql`${chainKeyExpr} = ${chainKey}::uuid`)
      .orderBy(desc(auditEntries.chainSeq))
      .limit(1),
  ]);

  // Time never goes backwards within a chain, even across instances with skewed clocks.
  const occurredAtMs = Math.max(Date.now(), last?.occurredAt.getTime() ?? 0);
  let seq = last?.chainSeq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const entries = inputs.map((input) => {
    const fields = buildFields(input, ++seq, occurredAtMs);
    const entry = { ...fields, prevHash, hash: keys.sign(prevHash, fields) };
    prevHash = entry.hash;
    return entry;
  });
  await tx.insert(auditEntries).values(entries.map((e) => ({ ...e, occurredAt: new Date(occurredAtMs) })));
  return entries;
}

/** `input` with the current request's actor, ip, user agent and trace id where it gives none. */
function withRequestContext(input: AuditEntryInput): AuditEntryInput {
  const context = currentRequestContext();
  return {
    ...input,
    // The verified caller of the current request is the actor unless the caller says otherwise.
    actorId: input.actorId !== undefined ? input.actorId : ((context?.actor?.userId as Uuid | undefined) ?? null),
    ip: input.ip !== undefined ? input.ip : (context?.ip ?? null),
    userAgent: input.userAgent !== undefined ? input.userAgent : (context?.userAgent ?? null),
    traceId: input.traceId !== undefined ? input.traceId : (context?.traceId ?? null),
  };
}

function buildFields(given: AuditEntryInput, chainSeq: number, occurredAtMs: number): HashedAuditFields {
  const input = withRequestContext(given);
  const actorId = input.actorId ?? null;
  const metadata = redactSecrets(toJsonValue(input.metadata ?? {}));
  return {
    id: Uuid.generate(occurredAtMs),
    organizationId: input.organizationId,
    chainSeq,
    occurredAt: new Date(occurredAtMs).toISOString(),
    actorId,
    actorType: input.actorType ?? (actorId ? "user" : "anonymous"),
    action: input.action,
    outcome: input.outcome,
    resourceType: input.resourceType ?? null,
    resourceId: input.resourceId ?? null,
    ip: input.ip ?? null,
    userAgent: clip(input.userAgent ?? null, 512),
    traceId: input.traceId ?? null,
    metadata: isRecord(metadata) ? metadata : {},
  };
}

function clip(value: string | null, max: number): string | null {
  return value === null ? null : value.slice(0, max);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
