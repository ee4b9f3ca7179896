import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "@/shared/infrastructure/audit/audit-entry";
import { computeAuditHash } from "@/shared/infrastructure/audit/audit-hash";
import { AuditTrail } from "@/shared/infrastructure/audit/audit-trail";
import { verifyAuditChain } from "@/shared/infrastructure/audit/audit-verifier";
import { testAuditKeys } from "../support/test-audit-keys";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { anEntry, anOrganization, countEntries, messagesOf, tamperAsSuperuser } from "./audit-fixtures";

describe("audit trail is append-only and tamper-evident", () => {
  let database: TestDatabase;
  let audit: AuditTrail;

  beforeAll(async () => {
    database = await createTestDatabase();
    audit = new AuditTrail(database.client, testAuditKeys);
  });
  afterAll(() => database.dispose());

  async function aChainOf(length: number): Promise<AuditEntry[]> {
    const org = anOrganization();
    const entries: AuditEntry[] = [];
    for (let i = 0; i < length; i++) entries.push(await audit.record(anEntry(org, { resourceId: `r${i}` })));
    return entries;
  }

  it.each([
    ["UPDATE", sql`update platform.audit_entries set action = 'forged'`],
    ["DELETE", sql`delete from platform.audit_entries`],
    ["TRUNCATE", sql`truncate platform.audit_entries`],
  ])("rejects %s", async (_, statement) => {
    await aChainOf(2);
    const before = await countEntries(database.client);

    const failure = await database.client.db.execute(statement).then(
      () => "succeeded",
      (error: unknown) => messagesOf(error),
    );

    expect(failure).toMatch(/append-only/);
    expect(await countEntries(database.client)).toBe(before);
  });

  it("rejects a DELETE even when it matches no row", async () => {
    const failure = await database.client.db.execute(sql`delete from platform.audit_entries where false`).then(
      () => "succeeded",
      (error: unknown) => messagesOf(error),
    );
    expect(failure).toMatch(/append-only/);
  });

  it("names the entry a superuser altered with triggers off (session_replication_role)", async () => {
    const [, , third] = await aChainOf(4);
    if (!third) throw new Error("chain too short");

    await tamperAsSuperuser(
      database.client,
      sql`update platform.audit_entries set outcome = 'denied' where id = ${third.id}`,
    );

    expect(await verifyAuditChain(database.client, testAuditKeys, { organizationId: third.organizationId })).toEqual({
      valid: false,
      checked: 3,
      firstBrokenId: third.id,
      reason: "not-keyed",
    });
    expect(await verifyAuditChain(database.client, testAuditKeys)).toMatchObject({
      valid: false,
      firstBrokenId: third.id,
    });
  });

  it("names the entry a superuser altered with ALTER TABLE … DISABLE TRIGGER, even with a recomputed hash", async () => {
    const [first, second, third] = await aChainOf(3);
    if (!first || !second || !third) throw new Error("chain too short");
    // A careful forger also recomputes the row's own hash; the next entry's prev_hash still points at the old one.
    const forged = computeAuditHash(second.prevHash, { ...second, metadata: { forged: true } });

    await database.client.db.execute(sql`alter table platform.audit_entries disable trigger audit_entries_append_only`);
    try {
      await database.client.db.execute(
        sql`update platform.audit_entries set metadata = '{"forged":true}', hash = ${forged} where id = ${second.id}`,
      );
    } finally {
      await database.client.db.execute(
        sql`alter table platform.audit_entries enable trigger audit_entries_append_only`,
      );
    }

    // Keyed chain (ADR 0015): the recomputed hash is not the keyed one, so the forged entry itself is named.
    expect(await verifyAuditChain(database.client, testAuditKeys, { organizationId: first.organizationId })).toEqual({
      valid: false,
      checked: 2,
      firstBrokenId: second.id,
      reason: "not-keyed",
    });
    // And the trigger is back.
    await expect(database.client.db.execute(sql`delete from platform.audit_entries`)).rejects.toThrow();
  });

  it("names the entry after a gap when one in the middle was deleted", async () => {
    const [first, second, third] = await aChainOf(3);
    if (!first || !second || !third) throw new Error("chain too short");

    await tamperAsSuperuser(database.client, sql`delete from platform.audit_entries where id = ${second.id}`);

    expect(
      await verifyAuditChain(database.client, testAuditKeys, { organizationId: first.organizationId }),
    ).toMatchObject({
      valid: false,
      firstBrokenId: third.id,
    });
  });

  it("walks chains longer than one batch", async () => {
    const org = anOrganization();
    await database.uow.transaction(async () => {
      for (let i = 0; i < 501; i++) await audit.record(anEntry(org, { resourceId: String(i) }));
    });
    expect(await verifyAuditChain(database.client, testAuditKeys, { organizationId: org })).toEqual({
      valid: true,
      checked: 501,
      firstBrokenId: null,
      reason: null,
    });
  });
});
