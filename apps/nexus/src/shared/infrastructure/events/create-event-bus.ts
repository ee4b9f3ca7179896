import type { Config } from "@/shared/infrastructure/config/config.schema";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import type { UnitOfWork } from "@/shared/infrastructure/database/unit-of-work";
import type { Logger } from "@/shared/infrastructure/logging/logger";
import type { MetricsRegistry } from "@/shared/infrastructure/metrics/metrics-registry";
import { EventDispatcher } from "./event-dispatcher";
import { EventRelay, type EventRelayOptions } from "./event-relay";
import type { EventTransport } from "./event-transport.port";
import { InProcessEventTransport } from "./in-process.event-transport";
import { type OutboxMetrics, outboxMetrics } from "./outbox-metrics";
import { OutboxNotifyingUnitOfWork } from "./outbox-notifying.unit-of-work";
import { OutboxStore } from "./outbox-store";
import { OutboxWriter } from "./outbox-writer";
import { SqsEventTransport } from "./sqs.event-transport";
import { SqsEventConsumer, type SqsEventConsumerOptions } from "./sqs-event.consumer";
import { SqsQueue } from "./sqs-queue";

export type EventBusConfig = Pick<
  Config,
  | "OUTBOX_POLL_MS"
  | "OUTBOX_MAX_ATTEMPTS"
  | "RELAY_ENABLED"
  | "SQS_ENDPOINT"
  | "SQS_REGION"
  | "SQS_QUEUE_NAME"
  | "SQS_ACCESS_KEY_ID"
  | "SQS_SECRET_ACCESS_KEY"
>;

export interface EventBusDependencies {
  readonly client: DatabaseClient;
  readonly uow: UnitOfWork;
  readonly config: EventBusConfig;
  readonly logger: Logger;
  readonly metrics?: MetricsRegistry;
  /** Tuning for tests and benchmarks. */
  readonly relayOptions?: Partial<EventRelayOptions>;
  readonly consumerOptions?: Partial<SqsEventConsumerOptions>;
  /** Wraps the relay's transport, for events the relay delivers itself (mail, ADR 0014). */
  readonly relayTransport?: (transport: EventTransport) => EventTransport;
}

export interface EventBus {
  readonly transport: "in-process" | "sqs";
  /** The given unit of work, plus a relay wake-up after commits that published: register it as the app's UnitOfWork. */
  readonly uow: UnitOfWork;
  readonly outbox: OutboxWriter;
  readonly dispatcher: EventDispatcher;
  readonly relay: EventRelay;
  /** Starts the relay (unless RELAY_ENABLED=false) and, on SQS, the queue consumer. Subscribe first. */
  start(): Promise<void>;
  /** Stops taking new work and waits for what is in flight. Call before closing the database. */
  stop(): Promise<void>;
  /** Throws ServiceUnavailableError("queue") when SQS is configured and unreachable. */
  healthCheck(): Promise<void>;
}

/** In-process delivery by default; SQS when `SQS_ENDPOINT` is set. */
export function createEventBus(deps: EventBusDependencies): EventBus {
  const { client, config, logger } = deps;
  const uow = new OutboxNotifyingUnitOfWork(deps.uow, client);
  const metrics: OutboxMetrics | undefined = deps.metrics ? outboxMetrics(deps.metrics, client) : undefined;
  const dispatcher = new EventDispatcher(client, uow, logger);
  const queue = config.SQS_ENDPOINT ? new SqsQueue(config) : undefined;
  const inner: EventTransport = queue ? new SqsEventTransport(queue) : new InProcessEventTransport(dispatcher);
  const transport = deps.relayTransport ? deps.relayTransport(inner) : inner;
  const relay = new EventRelay(
    client,
    transport,
    { pollMs: config.OUTBOX_POLL_MS, maxAttempts: config.OUTBOX_MAX_ATTEMPTS, ...deps.relayOptions },
    logger,
    metrics,
  );
  const consumer = queue
    ? new SqsEventConsumer(
        queue,
        dispatcher,
        new OutboxStore(client),
        { maxAttempts: config.OUTBOX_MAX_ATTEMPTS, ...deps.consumerOptions },
        logger,
        metrics,
      )
    : undefined;

  return {
    transport: queue ? "sqs" : "in-process",
    uow,
    outbox: new OutboxWriter(client),
    dispatcher,
    relay,
    async start() {
      await consumer?.start();
      if (config.RELAY_ENABLED) await relay.start();
    },
    async stop() {
      await relay.stop();
      await consumer?.stop();
      queue?.close();
    },
    async healthCheck() {
      await queue?.ping();
    },
  };
}
