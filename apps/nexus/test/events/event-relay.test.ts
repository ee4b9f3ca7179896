import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { EventDispatcher } from "@/shared/infrastructure/events/event-dispatcher";
import { EventRelay, retryParked } from "@/shared/infrastructure/events/event-relay";
import { InProcessEventTransport } from "@/shared/infrastructure/events/in-process.event-transport";
import { outboxEvents } from "@/shared/infrastructure/events/outbox-event.table";
import { OutboxWriter } from "@/shared/infrastructure/events/outbox-writer";
import { createLogger } from "@/shared/infrastructure/logging/logger";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import {
  counterIncremented,
  createEffectsTable,
  effectsReport,
  subscribeEffects,
  waitUntil,
} from "./support/event-test-kit";

const logger = createLogger({ LOG_LEVEL: "silent" });
let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
  await createEffectsTable(t.client);
});
afterEach(() => t.dispose());

function relayWith(dispatcher: EventDispatcher, maxAttempts = 2): EventRelay {
  return new EventRelay(
    t.client,
    new InProcessEventTransport(dispatcher),
    { pollMs: 60_000, maxAttempts, backoff: () => 0 },
    logger,
  );
}

async function publish(aggregateId: Uuid, n: number): Promise<Uuid> {
  const event = await t.uow.transaction(() =>
    new OutboxWriter(t.client).publish(counterIncremented, { organizationId: null, aggregateId, payload: { n } }),
  );
  return event.id;
}

const statusOf = async (id: Uuid) =>
  (await t.client.db.select({ s: outboxEvents.status }).from(outboxEvents).where(eq(outboxEvents.id, id)))[0]?.s;

describe("event relay (in-process)", () => {
  it("holds back an aggregate behind its parked event while other aggregates flow, until outbox-retry", async () => {
    const dispatcher = new EventDispatcher(t.client, t.uow, logger);
    let broken = true;
    subscribeEffects(t.client, dispatcher, { fail: (_, n) => broken && n === 0 });
    const relay = relayWith(dispatcher);
    const stuck = Uuid.generate();
    const healthy = Uuid.generate();
    const head = await publish(stuck, 0);
    const behind = await publish(stuck, 1);
    await publish(healthy, 1);

    await relay.drain(); // attempt 1 fails, backoff 0
    await relay.drain(); // attempt 2 fails: parked
    expect(await statusOf(head)).toBe("parked");
    expect(await statusOf(behind)).toBe("pending");
    expect((await effectsReport(t.client)).total).toBe(2); // only the healthy aggregate's event, both consumers

    broken = false;
    expect(await retryParked(t.client, { id: Uuid.generate() })).toBe(0); // an unknown id re-queues nothing
    expect(await retryParked(t.client, { id: head })).toBe(1);
    await relay.drain();
    expect(await statusOf(behind)).toBe("delivered");
    expect(await effectsReport(t.client)).toEqual({ total: 6, duplicates: 0, outOfOrder: 0 });
  });

  it("parks with the error's message but not the values bound to a failed query", async () => {
    const dispatcher = new EventDispatcher(t.client, t.uow, logger);
    dispatcher.subscribe("test.leaky", counterIncremented, async () => {
      // The shape Drizzle gives a failed query: the bound values in the message and in `params`.
      throw Object.assign(new Error("Failed query: select 1 where token = $1\nparams: raw-secret-token-123"), {
        params: ["raw-secret-token-123"],
      });
    });
    const id = await publish(Uuid.generate(), 0);
    const relay = relayWith(dispatcher, 1);
    await relay.drain();
    const [row] = await t.client.db
      .select({ status: outboxEvents.status, lastError: outboxEvents.lastError })
      .from(outboxEvents)
      .where(eq(outboxEvents.id, id));
    expect(row?.status).toBe("parked");
    expect(row?.lastError).toContain("Failed query: select 1 where token = $1");
    expect(row?.lastError).not.toContain("raw-secret-token-123");
  });

  it("stop() waits for the batch in flight, leaving it delivered", async () => {
    const dispatcher = new EventDispatcher(t.client, t.uow, logger);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = false;
    dispatcher.subscribe("test.slow", counterIncremented, async () => {
      started = true;
      await gate;
    });
    const relay = relayWith(dispatcher);
    const id = await publish(Uuid.generate(), 0);
    await relay.start();
    await waitUntil(() => started, 10_000, "handler to start");

    let stopped = false;
    const stopping = relay.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await statusOf(id)).toBe("delivered");
  });

  it("a redelivered event has no second effect", async () => {
    const dispatcher = new EventDispatcher(t.client, t.uow, logger);
    subscribeEffects(t.client, dispatcher);
    const event = await t.uow.transaction(() =>
      new OutboxWriter(t.client).publish(counterIncremented, {
        organizationId: null,
        aggregateId: Uuid.generate(),
        payload: { n: 0 },
      }),
    );
    await dispatcher.dispatch(event);
    await dispatcher.dispatch(event);
    expect(await effectsReport(t.client)).toEqual({ total: 2, duplicates: 0, outOfOrder: 0 });
  });
});
