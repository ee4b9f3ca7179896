import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import type { UnitOfWork } from "@/shared/infrastructure/database/unit-of-work";
import type { Logger } from "@/shared/infrastructure/logging/logger";
import { toError } from "./event-transport.port";
import { inboxEntries } from "./inbox-entry.table";
import type { EventContract, IntegrationEvent } from "./integration-event";

export type EventHandler<T = unknown> = (event: IntegrationEvent<T>) => Promise<void>;

interface Subscription {
  readonly consumer: string;
  readonly contract: EventContract | undefined;
  readonly handler: EventHandler;
}

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

/**
 * Runs subscribed handlers for delivered events. Each handler runs in its own transaction together
 * with its inbox row `(consumer, event_id)`: a redelivered event finds the row and is skipped, a failed
 * handler rolls back its row with its writes and runs again on the next delivery.
 */
export class EventDispatcher {
  private readonly byType = new Map<string, Subscription[]>();

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
    const type = typeof event === "string" ? event : event.type;
    const subscriptions = this.byType.get(type) ?? [];
    if (subscriptions.some((s) => s.consumer === consumer)) {
      throw new Error(`${consumer} already subscribes to ${type}`);
    }
    const contract = typeof event === "string" ? undefined : (event as EventContract);
    subscriptions.push({ consumer, contract, handler: handler as EventHandler });
    this.byType.set(type, subscriptions);
  }

  subscribedTypes(): string[] {
    return [...this.byType.keys()];
  }

  /** Resolves when every handler has applied the event (now or before); throws EventHandlingError otherwise. */
  async dispatch(event: IntegrationEvent): Promise<void> {
    const subscriptions = this.byType.get(event.type) ?? [];
    const failed: string[] = [];
    const errors: Error[] = [];
    for (const subscription of subscriptions) {
      try {
        await this.apply(subscription, event);
      } catch (error) {
        failed.push(subscription.consumer);
        errors.push(toError(error));
        this.logger.warn(
          { err: error, consumer: subscription.consumer, eventId: event.id, eventType: event.type },
          "event handler failed",
        );
      }
    }
    if (errors.length > 0) throw new EventHandlingError(event.id, failed, errors);
  }

  private async apply(subscription: Subscription, event: IntegrationEvent): Promise<void> {
    await this.uow.transaction(async () => {
      const claimed = await this.client
        .executor()
        .insert(inboxEntries)
        .values({ consumer: subscription.consumer, eventId: event.id })
        .onConflictDoNothing()
        .returning({ eventId: inboxEntries.eventId });
      if (claimed.length === 0) return; // applied before: a redelivery
      const payload = subscription.contract ? subscription.contract.schema.parse(event.payload) : event.payload;
      await subscription.handler({ ...event, payload });
    });
  }
}
