import { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { type EventContract, type IntegrationEvent, InvalidIntegrationEventError } from "./integration-event";
import { outboxEvents } from "./outbox-event.table";
import { deferNotifyToCommit, OUTBOX_CHANNEL } from "./outbox-notifying.unit-of-work";

export { OUTBOX_CHANNEL };

const DAY_MS = 86_400_000;

export interface PublishInput<T> {
  readonly organizationId: Uuid | null;
  readonly aggregateId: Uuid;
  readonly payload: T;
  readonly occurredAt?: Timestamp;
}

/**
 * Writes integration events into `platform.outbox_events` through `client.executor()`, so inside a
 * `UnitOfWork.transaction` they commit (or roll back) with the business rows that caused them.
 */
export class OutboxWriter {
  constructor(private readonly client: DatabaseClient) {}

  async publish<T>(contract: EventContract<T>, input: PublishInput<T>): Promise<IntegrationEvent<T>> {
    const parsed = contract.schema.safeParse(input.payload);
    if (!parsed.success) throw new InvalidIntegrationEventError(contract.type, parsed.error.issues);
    const event: IntegrationEvent<T> = {
      id: Uuid.generate(),
      type: contract.type,
      version: contract.version,
      organizationId: input.organizationId,
      aggregateId: input.aggregateId,
      occurredAt: (input.occurredAt ?? Timestamp.now()).toISOString(),
      payload: parsed.data,
    };
    const db = this.client.executor();
    await withDatabaseErrors(() =>
      db.insert(outboxEvents).values({
        id: event.id,
        type: event.type,
        version: event.version,
        organizationId: event.organizationId,
        aggregateId: event.aggregateId,
        occurredAt: new Date(event.occurredAt),
        payload: event.payload,
        purgeAfter:
          contract.retainDays === undefined
            ? null
            : new Date(Date.parse(event.occurredAt) + contract.retainDays * DAY_MS),
      }),
    );
    // Without the notifying unit of work around us, NOTIFY here: inside a transaction it is held
    // until commit (PostgreSQL and PGlite alike), so relays never wake for an invisible event.
    if (!deferNotifyToCommit(this.client)) await this.client.notify(OUTBOX_CHANNEL, "");
    return event;
  }
}
