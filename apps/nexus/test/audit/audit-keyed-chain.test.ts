import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Uuid } from "@/shared/domain/uuid.value-object";
import type { AuditEntry } from "@/shared/infrastructure/audit/audit-entry";
import { toAuditEntry } from "@/shared/infrastructure/audit/audit-entry.mapper";
import { auditEntries } from "@/shared/infrastructure/audit/audit-entry.table";
import { computeAuditHash } from "@/shared/infrastructure/audit/audit-hash";
import { AuditTrail } from "@/shared/infrastructure/audit/audit-trail";
import { verifyAuditChain } from "@/shared/infrastructure/audit/audit-verifier";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { otherAuditKeys, testAuditKeys } from "../support/test-audit-keys";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { anEntry, anOrganization, tamperAsSuperuser } from "./audit-fixtures";

/** The chain's rows, oldest first. */
async function chainOf(client: DatabaseClient, org: Uuid): Promise<AuditEntry[]> {
  const rows = await client.db
    .select()
    .from(auditEntries)
    .where(sql`${auditEntries.organizationId} = ${org}`)
    .orderBy(auditEntries.chainSeq);
  return rows.map(toAuditEntry);
}

/**
 * What a superuser without AUDIT_CHAIN_KEY can do: rewrite rows from `fromSeq` on with `edit`, and
 * recompute every hash and prev_hash after it (with the published, unkeyed algorithm or a key of
 * their own), triggers off, so the chain links up again.
 */
async function rewriteAndRehash(
  client: DatabaseClient,
  org: Uuid,
  fromSeq: number,
  edit: (entry: AuditEntry) => AuditEntry,
  rehash: (prevHash: string, entry: AuditEntry) => string,
): Promise<void> {
  const entries = await chainOf(client, org);
  let prevHash = entries.find((e) => e.chainSeq === fromSeq - 1)?.hash ?? "0".repeat(64);
  for (const original of entries.filter((e) => e.chainSeq >= fromSeq)) {
    const entry = original.chainSeq === fromSeq ? edit(original) : original;
    const hash = rehash(prevHash, entry);
    await tamperAsSuperuser(
      client,
      sql`update platform.audit_entries
          set outcome = ${entry.outcome}, metadata = ${JSON.stringify(entry.metadata)}::jsonb,
              prev_hash = ${prevHash}, hash = ${hash}
          where id = ${entry.id}`,
    );
    prevHash = hash;
  }
}

/** `count` entries as the previous release wrote them: sha256, no key. */
async function insertUnkeyed(client: DatabaseClient, org: Uuid, count: number): Promise<AuditEntry[]> {
  let prevHash = "0".repeat(64);
  for (let seq = 1; seq <= count; seq++) {
    const occurredAt = new Date(Date.now() - 60_000 + seq);
    const fields = {
      id: Uuid.generate(occurredAt.getTime()),
      organizationId: org,
      chainSeq: seq,
      occurredAt: occurredAt.toISOString(),
      actorId: null,
      actorType: "system" as const,
      action: "production.order.created",
      outcome: "success" as const,
      resourceType: null,
      resourceId: null,
      ip: null,
      userAgent: null,
      traceId: null,
      metadata: {},
    };
    const hash = computeAuditHash(prevHash, fields);
    await client.db.insert(auditEntries).values({ ...fields, occurredAt, prevHash, hash });
    prevHash = hash;
  }
  return chainOf(client, org);
}

describe("keyed audit chain (AUDIT_CHAIN_KEY)", () => {
  let database: TestDatabase;
  let audit: AuditTrail;

  beforeAll(async () => {
    database = await createTestDatabase();
    audit = new AuditTrail(database.client, testAuditKeys);
  });
  afterAll(() => database.dispose());

  async function aChainOf(length: number): Promise<{ org: Uuid; entries: AuditEntry[] }> {
    const org = anOrganization();
    const entries: AuditEntry[] = [];
    for (let i = 0; i < length; i++) entries.push(await audit.record(anEntry(org, { resourceId: `r${i}` })));
    return { org, entries };
  }

  it("detects a chain rewritten and recomputed without the key (unkeyed sha256)", async () => {
    const { org, entries } = await aChainOf(4);
    await rewriteAndRehash(database.client, org, 2, (e) => ({ ...e, outcome: "denied" }), computeAuditHash);

    const verification = await verifyAuditChain(database.client, testAuditKeys, { organizationId: org });
    expect(verification).toMatchObject({ valid: false, firstBrokenId: entries[1]?.id, reason: "not-keyed" });
  });

  it("detects a whole chain recomputed from its first entry, and one recomputed with another key", async () => {
    const unkeyed = await aChainOf(3);
    await rewriteAndRehash(
      database.client,
      unkeyed.org,
      1,
      (e) => ({ ...e, metadata: { forged: true } }),
      computeAuditHash,
    );
    expect(await verifyAuditChain(database.client, testAuditKeys, { organizationId: unkeyed.org })).toMatchObject({
      valid: false,
      reason: "unsealed",
    });

    const otherKey = await aChainOf(3);
    await rewriteAndRehash(
      database.client,
      otherKey.org,
      1,
      (e) => ({ ...e, metadata: { forged: true } }),
      (prev, e) => otherAuditKeys.sign(prev, e),
    );
    expect(await verifyAuditChain(database.client, testAuditKeys, { organizationId: otherKey.org })).toMatchObject({
      valid: false,
      firstBrokenId: otherKey.entries[0]?.id,
    });
  });

  it("detects a truncated tail given an anchored head, and a head that no longer matches", async () => {
    const { org, entries } = await aChainOf(4);
    const head = await audit.head(org);
    expect(head).toMatchObject({ organizationId: org, chainSeq: 4, hash: entries[3]?.hash });

    // Cutting the tail leaves a chain that verifies on its own …
    await tamperAsSuperuser(
      database.client,
      sql`delete from platform.audit_entries where id = ${entries[3]?.id ?? ""}`,
    );
    expect((await verifyAuditChain(database.client, testAuditKeys, { organizationId: org })).valid).toBe(true);
    // … but not against the head recorded before.
    const anchors = [{ organizationId: org, chainSeq: head.chainSeq, hash: head.hash }];
    expect(await verifyAuditChain(database.client, testAuditKeys, { organizationId: org, anchors })).toMatchObject({
      valid: false,
      reason: "truncated",
    });
    const wrong = [{ organizationId: org, chainSeq: 2, hash: "f".repeat(64) }];
    expect(
      await verifyAuditChain(database.client, testAuditKeys, { organizationId: org, anchors: wrong }),
    ).toMatchObject({
      valid: false,
      firstBrokenId: entries[1]?.id,
      reason: "anchor-mismatch",
    });
  });

  it("keeps entries hashed before the key: seals them with a keyed entry, then accepts only keyed ones after", async () => {
    const org = anOrganization();
    const legacy = await insertUnkeyed(database.client, org, 2);
    expect(legacy).toHaveLength(2);
    // Not sealed yet: only unkeyed entries is what a removed keyed tail looks like.
    expect(await verifyAuditChain(database.client, testAuditKeys, { organizationId: org })).toMatchObject({
      valid: false,
      reason: "unsealed",
    });

    expect(await audit.sealUnkeyedChains()).toBeGreaterThanOrEqual(1);
    expect(await audit.sealUnkeyedChains()).toBe(0); // idempotent
    await audit.record(anEntry(org));
    const chain = await chainOf(database.client, org);
    expect(chain.map((e) => e.action)).toEqual([
      "production.order.created",
      "production.order.created",
      "audit.chain.keyed",
      "production.order.created",
    ]);
    expect(await verifyAuditChain(database.client, testAuditKeys, { organizationId: org })).toMatchObject({
      valid: true,
      checked: 4,
    });

    // Rewriting an unkeyed entry and recomputing the rest without the key: the keyed seal is gone.
    await rewriteAndRehash(database.client, org, 1, (e) => ({ ...e, outcome: "failure" }), computeAuditHash);
    expect(await verifyAuditChain(database.client, testAuditKeys, { organizationId: org })).toMatchObject({
      valid: false,
      firstBrokenId: chain[0]?.id,
      reason: "unsealed",
    });
  });
});
