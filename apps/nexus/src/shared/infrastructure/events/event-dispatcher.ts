import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import type { UnitOfWork } from "@/shared/infrastructure/database/unit-of-work";
import type { Logger } from "@/shared/infrastructure/logging/logger";
import { toError } from "./event-transport.port";
import { inboxEntries } from "./inbox-entry.table";
import type { EventContract, IntegrationEvent } from "./integration-event";

export type EventHandler<T = unknown> = (event: IntegrationEvent<T>) => Promise<void>;
/** Applies several events at once, in the order given (each already parsed by its contract). */
export type BatchEventHandler = (events: readonly IntegrationEvent[]) => Promise<void>;

/** Some handlers of an event failed; the others committed and will skip it when it comes again. */
export class EventHandlingError extends AggregateError {
  override readonly name = "EventHandlingError";
  constructor(
    readonly eventId: string,
    readonly failedConsumers: readonly string[],
    errors: readonly Error[],
  ) {
    super(errors, `handlers failed for event ${eventId}: ${failedConsumers.join(", ")} (${errors[0]?.message ?? ""})`);
  }
}

interface Subscription {
  readonly consumer: string;
  readonly contract: EventContract | undefined;
  readonly handle: BatchEventHandler;
  /** Batch subscriptions only: events with the same key are applied together, in one transaction. */
  readonly groupOf?: (event: IntegrationEvent) => string;
}

interface Work {
  readonly subscription: Subscription;
  readonly event: IntegrationEvent;
}

/**
 * Runs subscribed handlers for delivered events. Each handler runs in a transaction together with
 * its inbox row `(consumer, event_id)`: a redelivered event finds the row and is skipped, a failed
 * handler rolls back its row with its writes and runs again on the next delivery.
 *
 * A batch subscription gets all of a delivery's events of one group (say, one organization) in one
 * transaction with all their inbox rows, so a projection pays one commit and one write per row it
 * touches, not per event. If that transaction fails, its events are retried one by one, so a bad
 * event holds back only itself.
 */
export class EventDispatcher {
  private readonly byType = new Map<string, Subscription[]>();
  /** Consumers in subscription order: a delivery runs them in this order. */
  private readonly consumers: string[] = [];

  constructor(
    private readonly client: DatabaseClient,
    private readonly uow: UnitOfWork,
    private readonly logger: Logger,
  ) {}

  /**
   * `consumer` names the handler durably (it keys the inbox): keep it stable, e.g. "bi.revenue-projection".
   * With a contract the payload is parsed by its schema before the handler sees it.
   */
  subscribe<T>(consumer: string, event: EventContract<T> | string, handler: EventHandler<T>): void {
    const contract = typeof event === "string" ? undefined : (event as EventContract);
    const type = typeof event === "string" ? event : event.type;
    this.add(type, {
      consumer,
      contract,
      handle: async (events) => {
        for (const e of events) await handler(e as IntegrationEvent<T>);
      },
    });
  }

  /**
   * Subscribes `consumer` to every contract's events with one handler that takes many at a time:
   * a delivery's events with the same `groupOf` key are handed over together, in delivery order.
   */
  subscribeBatch(
    consumer: string,
    contracts: readonly EventContract[],
    handler: BatchEventHandler,
    groupOf: (event: IntegrationEvent) => string,
  ): void {
    for (const contract of contracts) this.add(contract.type, { consumer, contract, handle: handler, groupOf });
  }

  subscribedTypes(): string[] {
    return [...this.byType.keys()];
  }

  /** Resolves when every handler has applied the event (now or before); throws EventHandlingError otherwise. */
  async dispatch(event: IntegrationEvent): Promise<void> {
    const failure = (await this.dispatchAll([event])).get(event.id);
    if (failure) throw failure;
  }

  /**
   * Applies a delivery of events (of distinct aggregates: their order among each other is free).
   * Consumers run one after another in subscription order; each consumer's events run concurrently
   * (batch groups, or single events). Resolves to the events some handler failed on.
   */
  async dispatchAll(events: readonly IntegrationEvent[]): Promise<Map<Uuid, EventHandlingError>> {
    const failed = new Map<Uuid, { consumers: string[]; errors: Error[] }>();
    const fail = (work: Work, error: unknown) => {
      const entry = failed.get(work.event.id) ?? { consumers: [], errors: [] };
      entry.consumers.push(work.subscription.consumer);
      entry.errors.push(toError(error));
      failed.set(work.event.id, entry);
      this.logger.warn(
        { err: error, consumer: work.subscription.consumer, eventId: work.event.id, eventType: work.event.type },
        "event handler failed",
      );
    };
    for (const consumer of this.consumers) {
      const work = events.flatMap((event) => {
        const subscription = this.byType.get(event.type)?.find((s) => s.consumer === consumer);
        return subscription ? [{ subscription, event }] : [];
      });
      const groups = groupWork(work);
      await Promise.all(groups.map((group) => this.applyGroup(group, fail)));
    }
    return new Map(
      [...failed].map(([id, { consumers, errors }]) => [id, new EventHandlingError(id, consumers, errors)]),
    );
  }

  private add(type: string, subscription: Subscription): void {
    const subscriptions = this.byType.get(type) ?? [];
    if (subscriptions.some((s) => s.consumer === subscription.consumer)) {
      throw new Error(`${subscription.consumer} already subscribes to ${type}`);
    }
    subscriptions.push(subscription);
    this.byType.set(type, subscriptions);
    if (!this.consumers.includes(subscription.consumer)) this.consumers.push(subscription.consumer);
  }

  private async applyGroup(group: readonly Work[], fail: (work: Work, error: unknown) => void): Promise<void> {
    try {
      await this.apply(group);
    } catch (error) {
      if (group.length === 1) {
        fail(group[0] as Work, error);
        return;
      }
      // Find the culprit: each event alone, in order, so the others still commit.
      for (const work of group) await this.apply([work]).catch((single: unknown) => fail(work, single));
    }
  }

  /** One transaction: claim the inbox rows, then hand the events not applied before to the handler. */
  private async apply(group: readonly Work[]): Promise<void> {
    const [first] = group;
    if (!first) return;
    await this.uow.transaction(async () => {
      const claimed = await this.client
        .executor()
        .insert(inboxEntries)
        .values(group.map((w) => ({ consumer: first.subscription.consumer, eventId: w.event.id })))
        .onConflictDoNothing()
        .returning({ eventId: inboxEntries.eventId });
      const fresh = new Set<string>(claimed.map((row) => row.eventId));
      const events = group
        .filter((w) => fresh.has(w.event.id)) // the others were applied before: redeliveries
        .map(({ subscription: { contract }, event }) =>
          contract ? { ...event, payload: contract.schema.parse(event.payload) } : event,
        );
      if (events.length > 0) await first.subscription.handle(events);
    });
  }
}

/** Batch subscriptions: one group per key, in delivery order; others: one group per event. */
function groupWork(work: readonly Work[]): Work[][] {
  const groups = new Map<string, Work[]>();
  const singles: Work[][] = [];
  for (const w of work) {
    const key = w.subscription.groupOf?.(w.event);
    if (key === undefined) {
      singles.push([w]);
      continue;
    }
    const group = groups.get(key);
    if (group) group.push(w);
    else groups.set(key, [w]);
  }
  return [...groups.values(), ...singles];
}
