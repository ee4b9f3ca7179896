import type { Timestamp } from "./timestamp.value-object";
import type { Uuid } from "./uuid.value-object";

/**
 * The base shape of an event. Integration events (published across contexts) add a versioned
 * `type` such as `tax.invoice.issued.v1` and a payload validated by the publisher's contract.
 */
export interface DomainEvent<TType extends string = string, TPayload = unknown> {
  readonly id: Uuid;
  readonly type: TType;
  readonly version: number;
  readonly organizationId: Uuid | null;
  readonly aggregateId: Uuid;
  readonly occurredAt: Timestamp;
  readonly payload: TPayload;
}
