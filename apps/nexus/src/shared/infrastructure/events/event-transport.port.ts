import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { IntegrationEvent } from "./integration-event";

/** Why each event that could not be delivered failed, by event id; empty when all went through. */
export type DeliveryFailures = ReadonlyMap<Uuid, Error>;

/**
 * Carries events from the relay to the subscribers. The relay hands over events of distinct
 * aggregates only (it keeps per-aggregate order itself), so a transport may deliver them concurrently.
 * Per-event failures are reported, not thrown; a throw means the whole batch failed.
 */
export interface EventTransport {
  deliver(events: readonly IntegrationEvent[]): Promise<DeliveryFailures>;
}

export function toError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}
