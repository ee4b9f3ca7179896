import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { readEventLog } from "@/shared/infrastructure/events/event-log";
import { InvalidIntegrationEventError } from "@/shared/infrastructure/events/integration-event";
import { outboxEvents } from "@/shared/infrastructure/events/outbox-event.table";
import { OutboxNotifyingUnitOfWork } from "@/shared/infrastructure/events/outbox-notifying.unit-of-work";
import { OUTBOX_CHANNEL, OutboxWriter } from "@/shared/infrastructure/events/outbox-writer";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { counterIncremented, waitUntil } from "./support/event-test-kit";

let t: TestDatabase;
let outbox: OutboxWriter;
beforeAll(async () => {
  t = await createTestDatabase();
  outbox = new OutboxWriter(t.client);
});
afterAll(() => t.dispose());

const rowsOf = (aggregateId: Uuid) =>
  t.client.db.select().from(outboxEvents).where(eq(outboxEvents.aggregateId, aggregateId));

describe("outbox writer", () => {
  it("stores the event, validated by its contract, pending delivery", async () => {
    const aggregateId = Uuid.generate();
    const organizationId = Uuid.generate();
    const occurredAt = Timestamp.parse("2026-03-01T10:00:00.123Z");
    if (!occurredAt.ok) throw new Error("bad fixture");
    const payload = { n: 7, extra: "stripped by the schema" } as unknown as { n: number };
    const event = await t.uow.transaction(() =>
      outbox.publish(counterIncremented, { organizationId, aggregateId, payload, occurredAt: occurredAt.value }),
    );

    expect(event).toMatchObject({
      type: "test.counter.incremented.v1",
      version: 1,
      occurredAt: "2026-03-01T10:00:00.123Z",
    });
    const [row] = await rowsOf(aggregateId);
    expect(row).toMatchObject({
      id: event.id,
      type: "test.counter.incremented.v1",
      version: 1,
      organizationId,
      aggregateId,
      payload: { n: 7 },
      status: "pending",
      attempts: 0,
      deliveredAt: null,
    });
    expect(row?.occurredAt.toISOString()).toBe("2026-03-01T10:00:00.123Z");
  });

  it("rejects a payload its contract does not accept, storing nothing", async () => {
    const aggregateId = Uuid.generate();
    const bad = { n: -1 };
    await expect(
      t.uow.transaction(() => outbox.publish(counterIncremented, { organizationId: null, aggregateId, payload: bad })),
    ).rejects.toBeInstanceOf(InvalidIntegrationEventError);
    expect(await rowsOf(aggregateId)).toHaveLength(0);
  });

  it.each([
    ["the Drizzle unit of work", () => t.uow],
    ["the notifying unit of work", () => new OutboxNotifyingUnitOfWork(t.uow, t.client)],
  ])("leaves no outbox row when the use case throws after publishing (%s)", async (_, uow) => {
    const aggregateId = Uuid.generate();
    await expect(
      uow().transaction(async () => {
        await outbox.publish(counterIncremented, { organizationId: null, aggregateId, payload: { n: 1 } });
        throw new Error("use case failed after writing");
      }),
    ).rejects.toThrow("use case failed after writing");
    expect(await rowsOf(aggregateId)).toHaveLength(0);
  });

  it.each([
    ["inside the transaction (Drizzle unit of work)", () => t.uow],
    ["after commit (notifying unit of work)", () => new OutboxNotifyingUnitOfWork(t.uow, t.client)],
  ])("wakes listeners %s once the event is committed", async (_, uow) => {
    let notified = 0;
    const unlisten = await t.client.listen(OUTBOX_CHANNEL, () => notified++);
    try {
      const aggregateId = Uuid.generate();
      await uow().transaction(async () => {
        await outbox.publish(counterIncremented, { organizationId: null, aggregateId, payload: { n: 1 } });
        // Still inside the transaction: nobody may have been told about an event they cannot read.
        expect(notified).toBe(0);
      });
      await waitUntil(() => notified > 0, 10_000, "NOTIFY");
    } finally {
      await unlisten();
    }
  });
});

describe("event log", () => {
  it("reads an organization's events in commit order, page by page", async () => {
    const organizationId = Uuid.generate();
    const aggregateId = Uuid.generate();
    for (const n of [1, 2, 3]) {
      await t.uow.transaction(() =>
        outbox.publish(counterIncremented, { organizationId, aggregateId, payload: { n } }),
      );
    }
    await t.uow.transaction(() =>
      outbox.publish(counterIncremented, { organizationId: Uuid.generate(), aggregateId, payload: { n: 9 } }),
    );
    const first = await readEventLog(t.client, { organizationId, limit: 2 });
    expect(first.events.map((e) => e.payload)).toEqual([{ n: 1 }, { n: 2 }]);
    const second = await readEventLog(t.client, { organizationId, limit: 2, afterSequence: first.nextSequence });
    expect(second.events.map((e) => e.payload)).toEqual([{ n: 3 }]);
    expect(second.nextSequence).toBeUndefined();
    expect(await readEventLog(t.client, { organizationId, types: ["other.type.v1"] })).toEqual({
      events: [],
      nextSequence: undefined,
    });
  });
});
