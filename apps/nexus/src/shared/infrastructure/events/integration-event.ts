import type { ZodType } from "zod";
import type { Uuid } from "@/shared/domain/uuid.value-object";

/**
 * What crosses context boundaries and transports. The wire shape: `occurredAt` is an RFC 3339
 * string so the event reads the same from the outbox, from SQS and in the event log.
 */
export interface IntegrationEvent<T = unknown> {
  readonly id: Uuid;
  readonly type: string;
  readonly version: number;
  readonly organizationId: Uuid | null;
  /** Ordering key: events of one aggregate are delivered in the order they were committed. */
  readonly aggregateId: Uuid;
  readonly occurredAt: string;
  readonly payload: T;
}

/**
 * A publisher's contract, e.g. `{ type: "tax.invoice.issued.v1", version: 1, schema }` exported from
 * its `contracts/`. Structural on purpose: contracts declare it without importing infrastructure.
 */
export interface EventContract<T = unknown> {
  readonly type: string;
  readonly version: number;
  readonly schema: ZodType<T>;
  /**
   * Days a delivered event is kept before it is purged, for a transient event that is not part of the
   * event log (queued mail, revocation broadcasts). Absent: kept forever, as the log BI rebuilds from.
   */
  readonly retainDays?: number;
}

/** A publisher handed a payload its own contract rejects: a bug, never a user error. */
export class InvalidIntegrationEventError extends Error {
  override readonly name = "InvalidIntegrationEventError";
  constructor(
    readonly eventType: string,
    readonly issues: readonly { path: readonly PropertyKey[]; message: string }[],
  ) {
    super(
      `payload of ${eventType} violates its contract: ${issues
        .map((i) => `${i.path.map(String).join(".") || "(root)"} ${i.message}`)
        .join("; ")}`,
    );
  }
}
