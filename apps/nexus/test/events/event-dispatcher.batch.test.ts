import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { queryRows } from "@/shared/infrastructure/database/database-client";
import { EventDispatcher, EventHandlingError } from "@/shared/infrastructure/events/event-dispatcher";
import type { IntegrationEvent } from "@/shared/infrastructure/events/integration-event";
import { OutboxWriter } from "@/shared/infrastructure/events/outbox-writer";
import { createLogger } from "@/shared/infrastructure/logging/logger";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { counterIncremented, createEffectsTable } from "./support/event-test-kit";

const logger = createLogger({ LOG_LEVEL: "silent" });
const CONSUMER = "test.batched";
let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
  await createEffectsTable(t.client);
});
afterEach(() => t.dispose());

/** One event per aggregate (a relay wave), for the given organizations, n = 0, 1, 2… */
async function wave(organizations: readonly Uuid[]): Promise<IntegrationEvent[]> {
  const outbox = new OutboxWriter(t.client);
  const events: IntegrationEvent[] = [];
  for (const [n, organizationId] of organizations.entries()) {
    events.push(
      await t.uow.transaction(() =>
        outbox.publish(counterIncremented, { organizationId, aggregateId: Uuid.generate(), payload: { n } }),
      ),
    );
  }
  return events;
}

/** A batch consumer grouped by organization that writes one effect row per event and records each call. */
function batchedDispatcher(refuse: (n: number) => boolean = () => false) {
  const dispatcher = new EventDispatcher(t.client, t.uow, logger);
  const calls: number[][] = [];
  dispatcher.subscribeBatch(
    CONSUMER,
    [counterIncremented],
    async (events) => {
      calls.push(events.map((e) => (e.payload as { n: number }).n));
      for (const event of events) {
        const { n } = event.payload as { n: number };
        await t.client.executor().execute(
          sql`insert into platform.test_effects (consumer, event_id, aggregate_id, n)
              values (${CONSUMER}, ${event.id}, ${event.aggregateId}, ${n})`,
        );
        if (refuse(n)) throw new Error(`refuses n=${n}`);
      }
    },
    (event) => event.organizationId ?? event.id,
  );
  return { dispatcher, calls };
}

const effects = async () =>
  (await queryRows<{ n: number }>(t.client.db, sql`select n from platform.test_effects order by n`)).map((r) => r.n);
const inboxCount = async () =>
  (
    await queryRows<{ c: number }>(
      t.client.db,
      sql`select count(*)::int as c from platform.inbox where consumer = ${CONSUMER}`,
    )
  )[0]?.c;

describe("batch subscriptions", () => {
  it("hands over one organization's events together, in delivery order, one call per organization", async () => {
    const [a, b] = [Uuid.generate(), Uuid.generate()];
    const { dispatcher, calls } = batchedDispatcher();
    const failures = await dispatcher.dispatchAll(await wave([a, b, a, a, b]));
    expect(failures.size).toBe(0);
    expect(calls.sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0))).toEqual([
      [0, 2, 3],
      [1, 4],
    ]);
    expect(await effects()).toEqual([0, 1, 2, 3, 4]);
    expect(await inboxCount()).toBe(5);
  });

  it("skips events applied before, even when redelivered among new ones", async () => {
    const org = Uuid.generate();
    const { dispatcher, calls } = batchedDispatcher();
    const events = await wave([org, org, org]);
    await dispatcher.dispatchAll(events.slice(0, 2));
    await dispatcher.dispatchAll(events);
    expect(calls).toEqual([[0, 1], [2]]);
    expect(await effects()).toEqual([0, 1, 2]);
  });

  it("a failing event holds back only itself: the rest of its batch is applied once, one by one", async () => {
    const org = Uuid.generate();
    const { dispatcher, calls } = batchedDispatcher((n) => n === 1);
    const events = await wave([org, org, org]);
    const failures = await dispatcher.dispatchAll(events);

    expect([...failures.keys()]).toEqual([events[1]?.id]);
    expect(failures.get(events[1]?.id as Uuid)).toBeInstanceOf(EventHandlingError);
    // The batch rolled back whole (its effect rows too), then each event ran alone.
    expect(calls).toEqual([[0, 1, 2], [0], [1], [2]]);
    expect(await effects()).toEqual([0, 2]);
    expect(await inboxCount()).toBe(2);
  });

  it("dispatch() of one event throws EventHandlingError naming the consumer", async () => {
    const { dispatcher } = batchedDispatcher(() => true);
    const [event] = await wave([Uuid.generate()]);
    await expect(dispatcher.dispatch(event as IntegrationEvent)).rejects.toMatchObject({
      name: "EventHandlingError",
      failedConsumers: [CONSUMER],
    });
    expect(await effects()).toEqual([]);
  });
});
