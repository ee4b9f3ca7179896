import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { KeyedRequest } from "../keyed-request";

/** The idempotent POST a key was sent to, like the middleware's route scope: a key never answers for another. */
export type KeyedOperation = "order" | "receipt" | "adjustment";

/** A key that already created its resource: the order, the received lot, or the adjustment. */
export interface RecordedRequest {
  readonly requestHash: string;
  readonly resourceId: Uuid;
}

/**
 * Which resource each Idempotency-Key created, written in the creating transaction (docs/adr/0007):
 * a retry whose stored response was lost finds what it made here instead of moving stock again.
 */
export interface KeyedRequestRepository {
  find(organizationId: Uuid, operation: KeyedOperation, key: string): Promise<RecordedRequest | null>;
  /**
   * Inside the unit of work, before its first write: records that `request` creates `resourceId`,
   * unless the key is recorded already — then returns that record (committed by a concurrent twin
   * this call waited for). Null when this call recorded it.
   */
  claim(
    organizationId: Uuid,
    operation: KeyedOperation,
    request: KeyedRequest,
    resourceId: Uuid,
  ): Promise<RecordedRequest | null>;
}
