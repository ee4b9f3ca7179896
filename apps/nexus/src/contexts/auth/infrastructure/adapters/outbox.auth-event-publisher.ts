import type { EventContract } from "@/shared/infrastructure/events/integration-event";
import type { OutboxWriter } from "@/shared/infrastructure/events/outbox-writer";
import type { AuthDomainEvent, AuthEventPublisher } from "../../application/ports/auth-events.port";
import {
  OrganizationCreatedV1,
  type OrganizationProfilePayload,
  OrganizationUpdatedV1,
} from "../../contracts/organization.events";

/** Domain event type → the integration event contract it is published as. */
const CONTRACTS: Readonly<Record<AuthDomainEvent["type"], EventContract<OrganizationProfilePayload>>> = {
  "auth.organization.created": OrganizationCreatedV1,
  "auth.organization.updated": OrganizationUpdatedV1,
};

/**
 * Domain events → integration events in `platform.outbox_events`, through the platform OutboxWriter,
 * which writes in the current transaction and validates each payload against its contract's schema.
 */
export class OutboxAuthEventPublisher implements AuthEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {}

  async publish(events: readonly AuthDomainEvent[]): Promise<void> {
    for (const event of events) {
      const { name, currency, timezone } = event.payload;
      await this.outbox.publish(CONTRACTS[event.type], {
        organizationId: event.organizationId,
        aggregateId: event.aggregateId,
        occurredAt: event.occurredAt,
        payload: { organizationId: event.aggregateId, name, currency, timezone },
      });
    }
  }
}
