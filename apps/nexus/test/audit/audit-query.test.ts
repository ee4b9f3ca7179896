import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unwrap } from "@/shared/domain/result";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import type { AuditEntry } from "@/shared/infrastructure/audit/audit-entry";
import { type AuditQuery, listAuditEntries } from "@/shared/infrastructure/audit/audit-query";
import { AuditTrail } from "@/shared/infrastructure/audit/audit-trail";
import { testAuditKeys } from "../support/test-audit-keys";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { anEntry, anOrganization } from "./audit-fixtures";

describe("listAuditEntries", () => {
  let database: TestDatabase;
  const org = anOrganization();
  const alice = Uuid.generate();
  const bob = Uuid.generate();
  let recorded: AuditEntry[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const audit = new AuditTrail(database.client, testAuditKeys);
    for (let i = 0; i < 7; i++) {
      recorded.push(
        await audit.record(
          anEntry(org, { actorId: i % 2 === 0 ? alice : bob, action: i < 4 ? "order.created" : "order.cancelled" }),
        ),
      );
    }
    await audit.record(anEntry(anOrganization())); // another tenant's entry must never show up
    recorded = recorded.reverse(); // newest first, as listed
  });
  afterAll(() => database.dispose());

  async function listAll(query: Omit<AuditQuery, "cursor">): Promise<AuditEntry[]> {
    const items: AuditEntry[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 20; pages++) {
      const page = unwrap(await listAuditEntries(database.client, { ...query, cursor }));
      items.push(...page.items);
      if (!page.nextCursor) return items;
      cursor = page.nextCursor;
    }
    throw new Error("pagination did not end");
  }

  it("pages newest first through an organization's entries only", async () => {
    const first = unwrap(await listAuditEntries(database.client, { organizationId: org, limit: 3 }));
    expect(first.items.map((e) => e.id)).toEqual(recorded.slice(0, 3).map((e) => e.id));
    expect(first.nextCursor).toEqual(expect.any(String));

    expect((await listAll({ organizationId: org, limit: 3 })).map((e) => e.id)).toEqual(recorded.map((e) => e.id));
  });

  it("returns no next cursor on the last page", async () => {
    const page = unwrap(await listAuditEntries(database.client, { organizationId: org, limit: 7 }));
    expect(page.items).toHaveLength(7);
    expect(page.nextCursor).toBeNull();
  });

  it("filters by action, actor and time range", async () => {
    const byAction = await listAll({ organizationId: org, action: "order.cancelled", limit: 2 });
    expect(byAction.map((e) => e.id)).toEqual(recorded.filter((e) => e.action === "order.cancelled").map((e) => e.id));

    const byActor = await listAll({ organizationId: org, actorId: bob, limit: 2 });
    expect(byActor.map((e) => e.id)).toEqual(recorded.filter((e) => e.actorId === bob).map((e) => e.id));

    const from = unwrap(Timestamp.parse(recorded[4]?.occurredAt ?? ""));
    const to = unwrap(Timestamp.parse(recorded[1]?.occurredAt ?? ""));
    const inRange = await listAll({ organizationId: org, from, to, limit: 2 });
    const expected = recorded.filter((e) => e.occurredAt >= from.toISOString() && e.occurredAt < to.toISOString());
    expect(inRange.map((e) => e.id)).toEqual(expected.map((e) => e.id));
  });

  it("rejects a cursor it did not issue", async () => {
    const result = await listAuditEntries(database.client, { organizationId: org, limit: 3, cursor: "not-a-cursor" });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid-cursor" } });
  });
});
