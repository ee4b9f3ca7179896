import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { createLogger } from "@/shared/infrastructure/logging/logger";
import {
  currentRequestContext,
  type RequestContext,
  runWithRequestContext,
} from "@/shared/infrastructure/request-context/request-context";
import { testConfig } from "../../../../test/support/test-config";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-database";
import { waitUntil } from "../../../../test/support/wait";
import { createEventBus, type EventBus } from "./create-event-bus";

const contract = { type: "test.context.v1", version: 1, schema: z.object({ n: z.number() }) };

const REQUEST: RequestContext = {
  requestId: "waking-request",
  traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
  spanId: "00f067aa0ba902b7",
  ip: "203.0.113.9",
  userAgent: "test",
  method: "POST",
  path: "/api/v1/things",
  actor: { userId: "user-of-the-request", organizationId: null, role: "owner", sessionId: "s" },
};

let t: TestDatabase;
let bus: EventBus;
const seen = new Map<number, RequestContext | undefined>();

beforeAll(async () => {
  t = await createTestDatabase();
  // Polling far apart: only the post-commit NOTIFY wakes the relay within the test.
  const config = { ...testConfig(), OUTBOX_POLL_MS: 60_000, RELAY_ENABLED: true };
  bus = createEventBus({ client: t.client, uow: t.uow, config, logger: createLogger({ LOG_LEVEL: "silent" }) });
  bus.dispatcher.subscribe("test.context-probe", contract, async (event) => {
    seen.set(event.payload.n, currentRequestContext());
  });
  await bus.start();
});
afterAll(async () => {
  await bus.stop();
  await t.dispose();
});

const publish = (n: number) =>
  bus.uow.transaction(() =>
    bus.outbox.publish(contract, { organizationId: null, aggregateId: Uuid.generate(), payload: { n } }),
  );

describe("EventRelay", () => {
  it("runs handlers outside the request whose commit woke it (no borrowed trace id or actor)", async () => {
    await publish(0); // outside any request: lets the start-up cycle finish first
    await waitUntil(() => seen.has(0), 10_000, "the first event");
    await runWithRequestContext(REQUEST, () => publish(1));
    await waitUntil(() => seen.has(1), 10_000, "the event published in a request");
    expect(seen.get(1)).toBeUndefined();
  });
});
