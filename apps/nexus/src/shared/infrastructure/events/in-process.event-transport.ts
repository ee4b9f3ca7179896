import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { EventDispatcher } from "./event-dispatcher";
import { type DeliveryFailures, type EventTransport, toError } from "./event-transport.port";
import type { IntegrationEvent } from "./integration-event";

/** The embedded default: the relay calls this process's handlers directly. */
export class InProcessEventTransport implements EventTransport {
  constructor(private readonly dispatcher: EventDispatcher) {}

  async deliver(events: readonly IntegrationEvent[]): Promise<DeliveryFailures> {
    const results = await Promise.allSettled(events.map((event) => this.dispatcher.dispatch(event)));
    const failures = new Map<Uuid, Error>();
    results.forEach((result, i) => {
      const event = events[i];
      if (result.status === "rejected" && event) failures.set(event.id, toError(result.reason));
    });
    return failures;
  }
}
