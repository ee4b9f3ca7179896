import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { EventRelay } from "@/shared/infrastructure/events/event-relay";
import type { DeliveryFailures, EventTransport } from "@/shared/infrastructure/events/event-transport.port";
import type { IntegrationEvent } from "@/shared/infrastructure/events/integration-event";
import { OutboxWriter } from "@/shared/infrastructure/events/outbox-writer";
import { createLogger } from "@/shared/infrastructure/logging/logger";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { counterIncremented } from "./support/event-test-kit";

const logger = createLogger({ LOG_LEVEL: "silent" });
let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.dispose());

/** Records what reaches the subscribers; while `hold` is set, a delivery waits for `release()`. */
class RecordingTransport implements EventTransport {
  private gate: Promise<void> | undefined;
  private open: (() => void) | undefined;
  started: Promise<void>;
  private markStarted: () => void = () => {};

  constructor(
    private readonly delivered: number[],
    hold: boolean,
  ) {
    this.started = new Promise((resolve) => {
      this.markStarted = resolve;
    });
    if (hold) this.gate = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open?.();
  }

  async deliver(events: readonly IntegrationEvent[]): Promise<DeliveryFailures> {
    this.markStarted();
    await this.gate;
    for (const event of events) this.delivered.push((event.payload as { n: number }).n);
    return new Map();
  }
}

// Spec §8: delivered at least once, in order per aggregate, by any number of relays. A relay must not
// claim an event while an earlier one of its aggregate is still undelivered — even when that earlier
// event is in another relay's hands and no longer locked.
describe("two relays competing for one aggregate", () => {
  it("never lets the second deliver a later event while the first still holds an earlier one", async () => {
    const aggregateId = Uuid.generate();
    const writer = new OutboxWriter(t.client);
    for (const n of [1, 2, 3]) {
      await t.uow.transaction(() =>
        writer.publish(counterIncremented, { organizationId: null, aggregateId, payload: { n } }),
      );
    }
    const delivered: number[] = [];
    const slow = new RecordingTransport(delivered, true);
    const fast = new RecordingTransport(delivered, false);
    // One event per claim, so event 2 is neither claimed nor leased by the first relay.
    const options = { pollMs: 60_000, maxAttempts: 3, perAggregate: 1, backoff: () => 0 };
    const first = new EventRelay(t.client, slow, options, logger);
    const second = new EventRelay(t.client, fast, options, logger);

    const inFlight = first.runOnce(); // claims event 1, then waits inside delivery
    await slow.started;
    expect(await second.runOnce()).toBe(0); // event 2 waits for event 1
    slow.release();
    await inFlight;
    await second.drain();

    expect(delivered).toEqual([1, 2, 3]);
  });
});
