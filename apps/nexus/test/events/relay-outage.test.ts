import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { ServiceUnavailableError } from "@/shared/infrastructure/errors/infrastructure.errors";
import { EventDispatcher } from "@/shared/infrastructure/events/event-dispatcher";
import { EventRelay } from "@/shared/infrastructure/events/event-relay";
import { InProcessEventTransport } from "@/shared/infrastructure/events/in-process.event-transport";
import { createLogger } from "@/shared/infrastructure/logging/logger";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { waitUntil } from "../support/wait";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  vi.useRealTimers();
  await t.dispose();
});

/** The test database, except that while `down` every query fails as a dead server's would. */
function flakyClient(real: DatabaseClient, state: { down: boolean; queries: number }): DatabaseClient {
  return new Proxy(real, {
    get(target, property, receiver) {
      if (property === "listen") return async () => async () => {};
      if (state.down && (property === "db" || property === "executor")) {
        state.queries++;
        throw new ServiceUnavailableError("database");
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

describe("event relay while the database is down", () => {
  it("backs off exponentially, logs the outage by state change, and resumes when it is back", async () => {
    vi.useFakeTimers();
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({ LOG_LEVEL: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const state = { down: true, queries: 0 };
    const client = flakyClient(t.client, state);
    const dispatcher = new EventDispatcher(client, t.uow, logger);
    const relay = new EventRelay(
      client,
      new InProcessEventTransport(dispatcher),
      { pollMs: 250, maxAttempts: 3 },
      logger,
    );
    await relay.start();
    try {
      await vi.advanceTimersByTimeAsync(14 * 60_000);
      // Polling every 250 ms would have been 3,360 attempts and as many stack traces.
      expect(state.queries).toBeGreaterThan(20);
      expect(state.queries).toBeLessThan(60);
      const relayLines = () => lines.filter((l) => String(l.msg).startsWith("outbox relay"));
      expect(relayLines()[0]?.msg).toBe("outbox relay: down, backing off");
      expect(relayLines().length).toBeLessThanOrEqual(15);
      expect(relayLines().filter((l) => l.msg === "outbox relay: still down").length).toBeGreaterThanOrEqual(8);

      // Back on real time for the database (postgres.js runs its own timers); a restart wakes the relay at
      // once instead of at its next backoff, and the same relay reports the recovery.
      vi.useRealTimers();
      state.down = false;
      await relay.stop();
      await relay.start();
      await waitUntil(() => relayLines().some((l) => l.msg === "outbox relay: recovered"), 10_000, "recovery");
      expect(relayLines().at(-1)?.msg).toBe("outbox relay: recovered");
    } finally {
      await relay.stop();
    }
  });
});
