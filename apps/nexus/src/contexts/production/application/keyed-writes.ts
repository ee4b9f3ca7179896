import type { Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { type IdempotencyKeyReused, type KeyedRequest, recordedAnswer } from "./keyed-request";
import type { KeyedOperation, KeyedRequestRepository, RecordedRequest } from "./ports/keyed-request.repository";

/** An idempotent POST's key, if the caller sent one (HTTP hands over what the middleware claimed). */
export interface KeyedWrite {
  readonly organizationId: Uuid;
  readonly operation: KeyedOperation;
  readonly request: KeyedRequest | null | undefined;
}

/** What a recorded key answers: its resource as it is now, or 422; null when the write should go on. */
type Answer<T> = Promise<Result<T, IdempotencyKeyReused> | null>;

/**
 * The backstop of docs/adr/0007 for production's POSTs (the middleware's stored response can be lost
 * after the commit): a write with a key records it in its own transaction, and a retry gets what the
 * first one created instead of a second order, lot or stock movement.
 */
export class KeyedWrites {
  constructor(private readonly requests: KeyedRequestRepository) {}

  /** Before validating: a retry is answered even if the state it was checked against changed since. */
  async recorded<T>(write: KeyedWrite, load: (id: Uuid) => Promise<T | null>): Answer<T> {
    if (!write.request) return null;
    const recorded = await this.requests.find(write.organizationId, write.operation, write.request.key);
    return recorded && this.answer(recorded, write.request, load);
  }

  /**
   * Inside the unit of work, before its first write: records the key for `resourceId`. A twin with the
   * same key that got here first (possible only once the middleware's claim expired) was waited for;
   * its resource is the answer, and the caller must write nothing.
   */
  async claim<T>(write: KeyedWrite, resourceId: Uuid, load: (id: Uuid) => Promise<T | null>): Answer<T> {
    if (!write.request) return null;
    const twin = await this.requests.claim(write.organizationId, write.operation, write.request, resourceId);
    return twin && this.answer(twin, write.request, load);
  }

  private answer<T>(recorded: RecordedRequest, request: KeyedRequest, load: (id: Uuid) => Promise<T | null>) {
    return recordedAnswer(recorded.requestHash, request, () => load(recorded.resourceId));
  }
}
