import { AsyncLocalStorage } from "node:async_hooks";
import { and, eq, sql } from "drizzle-orm";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import type { Logger } from "@/shared/infrastructure/logging/logger";
import { OutageReporter } from "@/shared/infrastructure/logging/outage-reporter";
import { type EventTransport, toError } from "./event-transport.port";
import type { IntegrationEvent } from "./integration-event";
import { outboxEvents } from "./outbox-event.table";
import type { OutboxMetrics } from "./outbox-metrics";
import { OutboxStore } from "./outbox-store";
import { OUTBOX_CHANNEL } from "./outbox-writer";

export interface EventRelayOptions {
  /** Safety-net polling interval; LISTEN/NOTIFY usually wakes the relay first. */
  readonly pollMs: number;
  readonly maxAttempts: number;
  readonly batchAggregates?: number;
  readonly perAggregate?: number;
  readonly leaseMs?: number;
  /** Delay before attempt `n + 1` after `n` failures. */
  readonly backoff?: (failures: number) => number;
  /** Delay before the next batch after `n` consecutive failed batches (database down). */
  readonly outageBackoff?: (failures: number) => number;
}

/** While batches fail, the relay retries after pollMs, 2×, 4× … up to 30 s, not on every poll. */
const OUTAGE_BACKOFF_MAX_MS = 30_000;

export const exponentialBackoff =
  (baseMs = 500, maxMs = 60_000) =>
  (failures: number): number =>
    Math.min(maxMs, baseMs * 2 ** (failures - 1)) * (0.8 + Math.random() * 0.4);

/**
 * Moves committed outbox events to the transport: at least once, in order per aggregate, with
 * backoff and parking. Any number of relays may share one database (see `OutboxStore.claim`).
 */
export class EventRelay {
  private readonly store: OutboxStore;
  private readonly backoff: (failures: number) => number;
  private timer: ReturnType<typeof setInterval> | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private cycle: Promise<void> | undefined;
  private again = false;
  private running = false;
  /** Set while backing off after a failed batch; polls and notifications wait for it. */
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly outage: OutageReporter;
  private readonly outageBackoff: (failures: number) => number;
  /**
   * The async context the relay was built in (start-up, outside any request). Batches run in it, not
   * in whatever woke the relay: on PGlite a LISTEN callback fires inside the notifying request, whose
   * trace id, actor and ip would otherwise leak into handlers' logs and audit entries.
   */
  private readonly detached = AsyncLocalStorage.snapshot();

  constructor(
    private readonly client: DatabaseClient,
    private readonly transport: EventTransport,
    private readonly options: EventRelayOptions,
    private readonly logger: Logger,
    private readonly metrics?: OutboxMetrics,
  ) {
    this.store = new OutboxStore(client);
    this.backoff = options.backoff ?? exponentialBackoff();
    this.outage = new OutageReporter(logger, "outbox relay");
    this.outageBackoff = options.outageBackoff ?? exponentialBackoff(options.pollMs, OUTAGE_BACKOFF_MAX_MS);
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      this.unlisten = await this.client.listen(OUTBOX_CHANNEL, () => this.wake());
    } catch (error) {
      // Polling alone still delivers everything, only later.
      this.logger.warn({ err: error }, "outbox relay: LISTEN failed, polling only");
    }
    this.timer = setInterval(() => this.wake(), this.options.pollMs);
    this.timer.unref?.();
    this.wake();
  }

  /** Stops waking up and waits for the batch in flight, so nothing is left half-marked. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    clearInterval(this.timer);
    this.timer = undefined;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const unlisten = this.unlisten;
    this.unlisten = undefined;
    await unlisten?.().catch(() => {});
    await this.cycle;
    this.logger.info("outbox relay stopped");
  }

  /** Runs claim-and-deliver batches until none is left (for the CLI, tests and benchmarks). */
  async drain(): Promise<number> {
    let total = 0;
    for (let n = await this.runOnce(); n > 0; n = await this.runOnce()) total += n;
    return total;
  }

  /** One batch; resolves to the number of events attempted. */
  async runOnce(): Promise<number> {
    const chains = await this.store.claim({
      aggregates: this.options.batchAggregates ?? 100,
      perAggregate: this.options.perAggregate ?? 20,
      leaseMs: this.options.leaseMs ?? 30_000,
    });
    let attempted = 0;
    // Wave k holds the k-th event of every chain still alive: one event per aggregate at a time.
    let alive = chains;
    for (let k = 0; alive.length > 0; k++) {
      const wave = alive.map((chain) => chain[k]).filter((e): e is IntegrationEvent => e !== undefined);
      if (wave.length === 0) break;
      attempted += wave.length;
      const failed = await this.deliverWave(wave);
      const stopped = alive.filter((chain) => {
        const event = chain[k];
        return event !== undefined && failed.has(event.id);
      });
      await this.store.release(stopped.flatMap((chain) => chain.slice(k + 1).map((e) => e.id)));
      alive = alive.filter((chain) => chain.length > k + 1 && !stopped.includes(chain));
    }
    return attempted;
  }

  private async deliverWave(wave: readonly IntegrationEvent[]): Promise<ReadonlySet<Uuid>> {
    const failures = await this.transport.deliver(wave).catch((error: unknown) => {
      const reason = toError(error);
      return new Map(wave.map((e) => [e.id, reason]));
    });
    const delivered = wave.filter((e) => !failures.has(e.id));
    await this.store.markDelivered(delivered.map((e) => e.id));
    for (const e of delivered) this.metrics?.delivered.inc({ type: e.type });
    for (const event of wave) {
      const error = failures.get(event.id);
      if (!error) continue;
      this.metrics?.failed.inc({ type: event.type });
      const outcome = await this.store.markFailed(event.id, error, this.options.maxAttempts, this.backoff);
      if (outcome === "parked") {
        this.metrics?.parked.inc({ type: event.type });
        this.logger.error(
          { err: error, eventId: event.id, eventType: event.type, aggregateId: event.aggregateId },
          "outbox event parked after too many failed deliveries",
        );
      } else {
        this.logger.warn(
          { err: error, eventId: event.id, eventType: event.type },
          "outbox delivery failed, will retry",
        );
      }
    }
    return new Set(failures.keys());
  }

  private wake(): void {
    if (!this.running || this.retryTimer) return;
    if (this.cycle) {
      this.again = true;
      return;
    }
    this.cycle = this.detached(() => this.loop()).finally(() => {
      this.cycle = undefined;
    });
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        while (this.running && (await this.runOnce()) > 0) {}
        this.outage.succeeded();
      } catch (error) {
        this.outage.failed(error);
        this.retryTimer = setTimeout(() => {
          this.retryTimer = undefined;
          this.wake();
        }, this.outageBackoff(this.outage.consecutiveFailures));
        this.retryTimer.unref?.();
        return;
      }
    } while (this.running && this.again);
  }
}

/**
 * `npm run nexus -- outbox-retry [id]`: puts parked events (or one) back in line with fresh attempts.
 * Resolves to how many were re-queued.
 */
export async function retryParked(client: DatabaseClient, options: { id?: Uuid } = {}): Promise<number> {
  const rows = await withDatabaseErrors(() =>
    client.db
      .update(outboxEvents)
      .set({ status: "pending", attempts: 0, nextAttemptAt: sql`now()` })
      .where(and(eq(outboxEvents.status, "parked"), options.id ? eq(outboxEvents.id, options.id) : undefined))
      .returning({ id: outboxEvents.id }),
  );
  if (rows.length > 0) await client.notify(OUTBOX_CHANNEL, "");
  return rows.length;
}
