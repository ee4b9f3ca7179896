import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { AuditTrail } from "@/shared/infrastructure/audit/audit-trail";
import { verifyAuditChain } from "@/shared/infrastructure/audit/audit-verifier";
import { queryRows } from "@/shared/infrastructure/database/database-client";
import { runWithRequestContext } from "@/shared/infrastructure/request-context/request-context";
import { testAuditKeys } from "../support/test-audit-keys";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { anEntry, anOrganization, countEntries } from "./audit-fixtures";

describe("AuditTrail", () => {
  let database: TestDatabase;
  let audit: AuditTrail;

  beforeAll(async () => {
    database = await createTestDatabase();
    audit = new AuditTrail(database.client, testAuditKeys);
  });
  afterAll(() => database.dispose());

  it("chains entries per organization and the verifier accepts the chain", async () => {
    const org = anOrganization();
    const first = await audit.record(anEntry(org));
    const second = await database.uow.transaction(() => audit.record(anEntry(org, { action: "x.updated" })));
    await audit.record(anEntry(anOrganization())); // another chain does not disturb this one

    expect(first.chainSeq).toBe(1);
    expect(first.prevHash).toBe("0".repeat(64));
    expect(second.chainSeq).toBe(2);
    expect(second.prevHash).toBe(first.hash);
    expect(await verifyAuditChain(database.client, testAuditKeys, { organizationId: org })).toEqual({
      valid: true,
      checked: 2,
      firstBrokenId: null,
      reason: null,
    });
  });

  it("leaves no entry when the use case throws after recording", async () => {
    const org = anOrganization();
    const before = await countEntries(database.client);

    await expect(
      database.uow.transaction(async () => {
        await audit.record(anEntry(org));
        throw new Error("use case failed");
      }),
    ).rejects.toThrow("use case failed");

    expect(await countEntries(database.client)).toBe(before);
    const next = await audit.record(anEntry(org));
    expect(next.chainSeq).toBe(1);
  });

  it("recordIndependently keeps a failed login even though the flow's transaction rolled back", async () => {
    const org = anOrganization();
    const before = await countEntries(database.client);
    try {
      await database.uow.transaction(async () => {
        await audit.record(anEntry(org, { action: "auth.session.created" }));
        throw new Error("invalid credentials");
      });
    } catch {
      await audit.recordIndependently(anEntry(null, { action: "auth.login.failed", outcome: "failure" }));
    }
    expect(await countEntries(database.client)).toBe(before + 1);
    const [row] = await queryRows<{ action: string }>(
      database.client.db,
      sql`select action from platform.audit_entries order by occurred_at desc, id desc limit 1`,
    );
    expect(row?.action).toBe("auth.login.failed");
  });

  it("commits concurrent independent entries in submission order, each with its own request's context", async () => {
    const org = anOrganization();
    const entries = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        runWithRequestContext(
          {
            requestId: `r${i}`,
            traceId: `trace-${i}`,
            spanId: "s",
            ip: `198.51.100.${i}`,
            userAgent: null,
            method: "POST",
            path: "/",
          },
          () => audit.recordIndependently(anEntry(org, { action: `auth.login.failed.${i}` })),
        ),
      ),
    );
    expect(entries.map((e) => [e.chainSeq, e.action, e.ip, e.traceId])).toEqual(
      entries.map((_, i) => [i + 1, `auth.login.failed.${i}`, `198.51.100.${i}`, `trace-${i}`]),
    );
    expect(await verifyAuditChain(database.client, testAuditKeys, { organizationId: org })).toMatchObject({
      valid: true,
      checked: 20,
    });
  });

  it("recordIndependently refuses to run inside a unit of work instead of deadlocking", async () => {
    await expect(
      database.uow.transaction(() => audit.recordIndependently(anEntry(null, { action: "auth.login.failed" }))),
    ).rejects.toThrow(/outside|inside a unit of work/);
  });

  it("redacts secrets from metadata, recursively, and stores metadata as a JSON object", async () => {
    const org = anOrganization();
    const entry = await audit.record(
      anEntry(org, {
        metadata: {
          email: "ada@example.com",
          password: "hunter2",
          nested: { accessToken: "eyJ.secret.jwt", items: [{ Cookie: "sid=abc" }, { client_secret: "s3cr3t" }] },
          Authorization: "Bearer xyz",
        },
      }),
    );
    const [row] = await queryRows<{ text: string; kind: string }>(
      database.client.db,
      sql`select metadata::text as text, jsonb_typeof(metadata) as kind from platform.audit_entries where id = ${entry.id}`,
    );
    expect(row?.kind).toBe("object");
    for (const secret of ["hunter2", "eyJ.secret.jwt", "sid=abc", "s3cr3t", "Bearer xyz"]) {
      expect(row?.text).not.toContain(secret);
    }
    expect(entry.metadata).toEqual({
      email: "ada@example.com",
      password: "[REDACTED]",
      nested: { accessToken: "[REDACTED]", items: [{ Cookie: "[REDACTED]" }, { client_secret: "[REDACTED]" }] },
      Authorization: "[REDACTED]",
    });
    expect((await verifyAuditChain(database.client, testAuditKeys, { organizationId: org })).valid).toBe(true);
  });

  it("takes ip, user agent, trace id and actor from the request context, with explicit overrides", async () => {
    const org = anOrganization();
    const userId = Uuid.generate();
    const context = {
      requestId: "req-1",
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      spanId: "00f067aa0ba902b7",
      ip: "203.0.113.7",
      userAgent: "vitest/4",
      method: "POST",
      path: "/api/v1/orders",
      actor: { userId, organizationId: org, role: "admin", sessionId: "s1" },
    };
    const fromContext = await runWithRequestContext(context, () => audit.record(anEntry(org)));
    const overridden = await runWithRequestContext(context, () =>
      audit.record(anEntry(org, { ip: null, traceId: "cli", actorId: null, actorType: "system" })),
    );

    expect(fromContext).toMatchObject({
      ip: "203.0.113.7",
      userAgent: "vitest/4",
      traceId: context.traceId,
      actorId: userId,
      actorType: "user",
    });
    expect(overridden).toMatchObject({
      ip: null,
      userAgent: "vitest/4",
      traceId: "cli",
      actorId: null,
      actorType: "system",
    });
    const [row] = await queryRows<{ ip: string; user_agent: string; trace_id: string; actor_id: string }>(
      database.client.db,
      sql`select ip, user_agent, trace_id, actor_id from platform.audit_entries where id = ${fromContext.id}`,
    );
    expect(row).toEqual({ ip: "203.0.113.7", user_agent: "vitest/4", trace_id: context.traceId, actor_id: userId });
  });

  it("keeps each chain contiguous and valid under 50 concurrent writers", async () => {
    const orgs = [anOrganization(), anOrganization()];
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        database.uow.transaction(() => audit.record(anEntry(orgs[i % 2] ?? null, { resourceId: String(i) }))),
      ),
    );

    for (const org of orgs) {
      const rows = await queryRows<{ chain_seq: string | number }>(
        database.client.db,
        sql`select chain_seq from platform.audit_entries where organization_id = ${org} order by chain_seq`,
      );
      expect(rows.map((r) => Number(r.chain_seq))).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      expect(await verifyAuditChain(database.client, testAuditKeys, { organizationId: org })).toEqual({
        valid: true,
        checked: 25,
        firstBrokenId: null,
        reason: null,
      });
    }
    expect((await verifyAuditChain(database.client, testAuditKeys)).valid).toBe(true);
  });
});
