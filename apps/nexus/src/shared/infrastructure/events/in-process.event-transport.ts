import type { EventDispatcher } from "./event-dispatcher";
import type { DeliveryFailures, EventTransport } from "./event-transport.port";
import type { IntegrationEvent } from "./integration-event";

/** The embedded default: the relay hands each wave to this process's handlers directly. */
export class InProcessEventTransport implements EventTransport {
  constructor(private readonly dispatcher: EventDispatcher) {}

  deliver(events: readonly IntegrationEvent[]): Promise<DeliveryFailures> {
    return this.dispatcher.dispatchAll(events);
  }
}
