import { startFauxqs } from "fauxqs";
import type { Config } from "@/shared/infrastructure/config/config.schema";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import type { UnitOfWork } from "@/shared/infrastructure/database/unit-of-work";
import { createEventBus, type EventBus } from "@/shared/infrastructure/events/create-event-bus";
import type { Logger } from "@/shared/infrastructure/logging/logger";
import { MetricsRegistry } from "@/shared/infrastructure/metrics/metrics-registry";
import { testConfig, uniqueQueueName } from "../../support/test-config";

export type TransportKind = "in-process" | "sqs";

/**
 * SQS for tests: the endpoint in SQS_ENDPOINT when set (the suite then fails if it is unreachable),
 * else a fauxqs emulator started here on a free port.
 */
export async function sqsEndpoint(): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const configured = testConfig().SQS_ENDPOINT;
  if (configured) return { endpoint: configured, stop: async () => {} };
  const server = await startFauxqs({ port: 0, logger: false });
  // fauxqs binds 0.0.0.0; talk to it on loopback.
  return { endpoint: `http://127.0.0.1:${server.port}`, stop: () => server.stop() };
}

export interface BusOptions {
  readonly client: DatabaseClient;
  readonly uow: UnitOfWork;
  readonly logger: Logger;
  readonly transport: TransportKind;
  readonly sqsEndpoint?: string;
  /** Each test gets its own queue so leftovers never leak between tests. */
  readonly queueName?: string;
  readonly config?: Partial<Record<string, string>>;
  readonly leaseMs?: number;
}

export function createTestBus(options: BusOptions): { bus: EventBus; metrics: MetricsRegistry; config: Config } {
  const config = testConfig({
    OUTBOX_POLL_MS: "50",
    OUTBOX_MAX_ATTEMPTS: "3",
    SQS_ENDPOINT: options.transport === "sqs" ? (options.sqsEndpoint ?? "") : "",
    SQS_QUEUE_NAME: options.queueName ?? uniqueQueueName(),
    ...options.config,
  });
  const metrics = new MetricsRegistry();
  const bus = createEventBus({
    client: options.client,
    uow: options.uow,
    config,
    logger: options.logger,
    metrics,
    relayOptions: { backoff: () => 20, ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}) },
    consumerOptions: { backoffSeconds: () => 0, waitTimeSeconds: 1 },
  });
  return { bus, metrics, config };
}
