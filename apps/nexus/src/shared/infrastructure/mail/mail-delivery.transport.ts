import type { Uuid } from "@/shared/domain/uuid.value-object";
import {
  type DeliveryFailures,
  type EventTransport,
  toError,
} from "@/shared/infrastructure/events/event-transport.port";
import type { IntegrationEvent } from "@/shared/infrastructure/events/integration-event";
import type { Logger } from "@/shared/infrastructure/logging/logger";
import { MAIL_DELIVERY_CONSUMER, type MailDeliveryHandler } from "./mail-delivery.handler";
import { MailRequested } from "./mail-requested.event";

/** Mails of one wave sent at once, at most: one SMTP connection each. */
const CONCURRENT_SENDS = 8;

/**
 * The relay's transport with mail taken out of it (ADR 0014): mail requests are delivered here, by
 * the relay, outside any transaction, instead of by a dispatcher handler inside its inbox
 * transaction; every other event goes on to `inner` (in-process dispatch or SQS). Mail requests are
 * platform-internal, and the relay's claim (its lease on the outbox row) is all a send needs.
 */
export class MailDeliveryTransport implements EventTransport {
  constructor(
    private readonly inner: EventTransport,
    private readonly mail: MailDeliveryHandler,
    private readonly logger: Logger,
  ) {}

  async deliver(events: readonly IntegrationEvent[]): Promise<DeliveryFailures> {
    const mails = events.filter((e) => e.type === MailRequested.type);
    const others = events.filter((e) => e.type !== MailRequested.type);
    const [otherFailures, mailFailures] = await Promise.all([this.deliverOthers(others), this.deliverMails(mails)]);
    return new Map([...otherFailures, ...mailFailures]);
  }

  private async deliverOthers(events: readonly IntegrationEvent[]): Promise<DeliveryFailures> {
    if (events.length === 0) return new Map();
    // A throw fails these events only, not the mails delivered beside them.
    return this.inner.deliver(events).catch((error: unknown) => new Map(events.map((e) => [e.id, toError(error)])));
  }

  private async deliverMails(events: readonly IntegrationEvent[]): Promise<DeliveryFailures> {
    const failures = new Map<Uuid, Error>();
    let next = 0;
    const worker = async () => {
      for (let event = events[next++]; event !== undefined; event = events[next++]) {
        try {
          await this.mail.deliver(event);
        } catch (error) {
          failures.set(event.id, toError(error));
          // The line the dispatcher writes for a failed handler: the same alerts see a failed mail.
          this.logger.warn(
            { err: error, consumer: MAIL_DELIVERY_CONSUMER, eventId: event.id, eventType: event.type },
            "event handler failed",
          );
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENT_SENDS, events.length) }, worker));
    return failures;
  }
}
