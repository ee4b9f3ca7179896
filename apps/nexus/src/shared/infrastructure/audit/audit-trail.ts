import { desc, sql } from "drizzle-orm";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient, Db } from "@/shared/infrastructure/database/database-client";
import { currentTransaction } from "@/shared/infrastructure/database/transaction-context";
import { toJsonValue } from "@/shared/infrastructure/json/canonical-json";
import { currentRequestContext } from "@/shared/infrastructure/request-context/request-context";
import { redactSecrets } from "@/shared/infrastructure/secrets/redact-secrets";
import type { AuditEntry, AuditEntryInput } from "./audit-entry";
import { auditEntries, chainKeyExpr, GLOBAL_CHAIN } from "./audit-entry.table";
import { computeAuditHash, GENESIS_HASH, type HashedAuditFields } from "./audit-hash";

/**
 * Writes hash-chained audit entries. `record` enlists in the surrounding unit of work, so a use
 * case's audit entry commits or rolls back with its writes. `recordIndependently` is for events
 * that must survive a failing flow (failed logins): it commits on its own. See ADR 0006.
 */
export class AuditTrail {
  constructor(private readonly client: DatabaseClient) {}

  /** In the current transaction if there is one, else in a transaction of its own. */
  async record(input: AuditEntryInput): Promise<AuditEntry> {
    const tx = currentTransaction(this.client);
    if (tx) return withDatabaseErrors(() => append(tx, input));
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
    return withDatabaseErrors(() => this.client.db.transaction((tx) => append(tx, input)));
  }
}

async function append(tx: Db, input: AuditEntryInput): Promise<AuditEntry> {
  const chainKey = input.organizationId ?? GLOBAL_CHAIN;
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
  const fields = buildFields(input, (last?.chainSeq ?? 0) + 1, occurredAtMs);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = computeAuditHash(prevHash, fields);

  await tx.insert(auditEntries).values({
    ...fields,
    occurredAt: new Date(occurredAtMs),
    prevHash,
    hash,
  });
  return { ...fields, prevHash, hash };
}

function buildFields(input: AuditEntryInput, chainSeq: number, occurredAtMs: number): HashedAuditFields {
  const context = currentRequestContext();
  // The verified caller of the current request is the actor unless the caller says otherwise.
  const actorId = input.actorId !== undefined ? input.actorId : ((context?.actor?.userId as Uuid | undefined) ?? null);
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
    ip: input.ip !== undefined ? input.ip : (context?.ip ?? null),
    userAgent: clip(input.userAgent !== undefined ? input.userAgent : (context?.userAgent ?? null), 512),
    traceId: input.traceId !== undefined ? input.traceId : (context?.traceId ?? null),
    metadata: isRecord(metadata) ? metadata : {},
  };
}

function clip(value: string | null, max: number): string | null {
  return value === null ? null : value.slice(0, max);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
