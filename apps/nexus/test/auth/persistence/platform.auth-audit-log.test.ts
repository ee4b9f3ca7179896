import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthAuditEntry } from "@/contexts/auth/application/ports/auth-audit-log.port";
import { DrizzleAuthUnitOfWork } from "@/contexts/auth/infrastructure/adapters/drizzle.auth-unit-of-work";
import { PlatformAuthAuditLog } from "@/contexts/auth/infrastructure/adapters/platform.auth-audit-log";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { AuditTrail } from "@/shared/infrastructure/audit/audit-trail";
import { verifyAuditChain } from "@/shared/infrastructure/audit/audit-verifier";
import { queryRows } from "@/shared/infrastructure/database/database-client";
import { testAuditKeys } from "../../support/test-audit-keys";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";

describe("PlatformAuthAuditLog", () => {
  let database: TestDatabase;
  let audit: PlatformAuthAuditLog;
  let uow: DrizzleAuthUnitOfWork;

  beforeAll(async () => {
    database = await createTestDatabase();
    audit = new PlatformAuthAuditLog(new AuditTrail(database.client, testAuditKeys), database.client);
    uow = new DrizzleAuthUnitOfWork(database.uow);
  });
  afterAll(() => database.dispose());

  const anEntry = (overrides: Partial<AuthAuditEntry> = {}): AuthAuditEntry => ({
    action: "auth.login.succeeded",
    outcome: "success",
    organizationId: Uuid.generate(),
    actorId: Uuid.generate(),
    resourceType: "session",
    resourceId: Uuid.generate(),
    metadata: { passwordRehashed: false },
    ip: "203.0.113.7",
    userAgent: "vitest",
    ...overrides,
  });

  const rowsFor = (resourceId: string | undefined) =>
    queryRows<{ action: string; outcome: string; organization_id: string | null; actor_id: string | null; ip: string }>(
      database.client.db,
      sql`select action, outcome, organization_id, actor_id, ip from platform.audit_entries where resource_id = ${resourceId ?? ""}`,
    );

  it("record writes into platform.audit_entries within the unit of work, on the organization's chain", async () => {
    const entry = anEntry();
    await uow.transaction(() => audit.record(entry));
    expect(await rowsFor(entry.resourceId)).toEqual([
      {
        action: "auth.login.succeeded",
        outcome: "success",
        organization_id: entry.organizationId,
        actor_id: entry.actorId,
        ip: "203.0.113.7",
      },
    ]);
    const organizationId = entry.organizationId ?? Uuid.generate();
    expect(await verifyAuditChain(database.client, testAuditKeys, { organizationId })).toMatchObject({
      valid: true,
      checked: 1,
    });
  });

  it("record rolls back with the unit of work", async () => {
    const entry = anEntry();
    await expect(
      uow.transaction(async () => {
        await audit.record(entry);
        throw new Error("use case failed");
      }),
    ).rejects.toThrow("use case failed");
    expect(await rowsFor(entry.resourceId)).toEqual([]);
  });

  it("record outside a unit of work is refused (it would commit apart from the use case's writes)", async () => {
    const entry = anEntry();
    await expect(audit.record(entry)).rejects.toThrow(/outside a unit of work/);
    expect(await rowsFor(entry.resourceId)).toEqual([]);
  });

  it("recordIndependently commits on its own, on the global chain for anonymous events", async () => {
    const entry = anEntry({ action: "auth.login.failed", outcome: "failure", organizationId: null, actorId: null });
    await audit.recordIndependently(entry);
    expect(await rowsFor(entry.resourceId)).toMatchObject([
      { action: "auth.login.failed", outcome: "failure", organization_id: null, actor_id: null },
    ]);
  });

  it("recordIndependently inside a unit of work is refused", async () => {
    const entry = anEntry({ action: "auth.login.failed", outcome: "failure" });
    await expect(uow.transaction(() => audit.recordIndependently(entry))).rejects.toThrow(/unit of work/);
    expect(await rowsFor(entry.resourceId)).toEqual([]);
  });
});
