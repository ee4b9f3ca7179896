import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitFailure, err, ok, type Result } from "@/shared/domain/result";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { auditEntries } from "@/shared/infrastructure/audit/audit-entry.table";
import { outboxEvents } from "@/shared/infrastructure/events/outbox-event.table";
import { PlatformTokens as T } from "@/shared/infrastructure/platform.tokens";
import { counterIncremented } from "../events/support/event-test-kit";
import { createTestApp, type TestApp } from "../support/test-app";
import { createWidgetsTable, widgets } from "../support/test-widgets";

// The unit of work as the composition root wires it: a use case's writes, its audit entry and its
// outbox event commit together or not at all.
describe("unit of work (as wired by the composition root)", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ RELAY_ENABLED: "false" });
    await createWidgetsTable(t.app.container.resolve(T.Database));
  });
  afterAll(() => t?.dispose());

  type Ending = "ok" | "throw" | "error-result" | "commit-failure";

  async function useCase(organizationId: Uuid, name: string, ending: Ending): Promise<Result<string, string>> {
    const { container } = t.app;
    const db = container.resolve(T.Database);
    return container.resolve(T.UnitOfWork).transaction(async (): Promise<Result<string, string>> => {
      const id = Uuid.generate();
      await db.executor().insert(widgets).values({ id, name });
      await container.resolve(T.AuditTrail).record({
        action: "test.widget.created",
        outcome: "success",
        organizationId,
        resourceType: "widget",
        resourceId: id,
      });
      await container
        .resolve(T.Outbox)
        .publish(counterIncremented, { organizationId, aggregateId: id, payload: { n: 1 } });
      if (ending === "throw") throw new Error("boom after writing");
      if (ending === "error-result") return err("refused after writing");
      if (ending === "commit-failure") return commitFailure("refused, kept on purpose");
      return ok(id);
    });
  }

  async function traces(organizationId: Uuid, name: string) {
    const db = t.app.container.resolve(T.Database).db;
    return {
      rows: (await db.select().from(widgets).where(eq(widgets.name, name))).length,
      audit: (await db.select().from(auditEntries).where(eq(auditEntries.organizationId, organizationId))).length,
      events: (await db.select().from(outboxEvents).where(eq(outboxEvents.organizationId, organizationId))).length,
    };
  }

  it("commits the business row, the audit entry and the outbox event together", async () => {
    const org = Uuid.generate();
    expect((await useCase(org, "committed", "ok")).ok).toBe(true);
    expect(await traces(org, "committed")).toEqual({ rows: 1, audit: 1, events: 1 });
  });

  it("leaves no business row, no audit entry and no outbox event when the use case throws", async () => {
    const org = Uuid.generate();
    await expect(useCase(org, "rolled-back", "throw")).rejects.toThrow("boom after writing");
    expect(await traces(org, "rolled-back")).toEqual({ rows: 0, audit: 0, events: 0 });
  });

  it("leaves no business row, no audit entry and no outbox event when the use case RETURNS an error", async () => {
    const org = Uuid.generate();
    const result = await useCase(org, "refused", "error-result");
    expect(result).toEqual({ ok: false, error: "refused after writing" });
    expect(await traces(org, "refused")).toEqual({ rows: 0, audit: 0, events: 0 });
  });

  it("commits a failure on purpose with commitFailure, and still answers the error", async () => {
    const org = Uuid.generate();
    const result = await useCase(org, "kept", "commit-failure");
    expect(result.ok ? null : result.error).toBe("refused, kept on purpose");
    expect(await traces(org, "kept")).toEqual({ rows: 1, audit: 1, events: 1 });
  });

  it("rolls back only a nested block that returns an error; the outer one commits", async () => {
    const org = Uuid.generate();
    const { container } = t.app;
    const uow = container.resolve(T.UnitOfWork);
    await uow.transaction(async () => {
      await useCase(org, "outer-kept", "ok");
      const inner = await uow.transaction(() => useCase(org, "inner-refused", "error-result"));
      expect(inner.ok).toBe(false);
    });
    expect(await traces(org, "outer-kept")).toEqual({ rows: 1, audit: 1, events: 1 });
    expect(await traces(org, "inner-refused")).toMatchObject({ rows: 0 });
  });
});
