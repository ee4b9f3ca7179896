import type { Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { type IdempotencyKeyReused, type KeyedRequest, recordedAnswer } from "./keyed-request";
import type { KeyedOperation, KeyedRequestRepository, RecordedRequest } from "./ports/keyed-request.repository";

/** What a recorded key answers: its resource as it is now, or 422; null when the write should go on. */
type Answer<T> = Promise<Result<T, IdempotencyKeyReused> | null>;

/** One idempotent POST's key (absent when the caller sent none), and how to load what it created. */
export interface KeyedWrite<T> {
  /** Before validating: a retry is answered even if the state it was checked against changed since. */
  recorded(): Answer<T>;
  /**
   * Inside the unit of work, before its first write: records the key for `resourceId`. A twin with the
   * same key that got here first (possible only once the middleware's claim expired) was waited for;
   * its resource is the answer, and the caller must write nothing.
   */
  claim(resourceId: Uuid): Answer<T>;
}

/**
 * The backstop of docs/adr/0007 for production's POSTs (the middleware's stored response can be lost
 * after the commit): a write with a key records it in its own transaction, and a retry gets what the
 * first one created instead of a second order, lot or stock movement.
 */
export function keyedWrite<T>(
  requests: KeyedRequestRepository,
  write: { organizationId: Uuid; operation: KeyedOperation; request: KeyedRequest | null | undefined },
  load: (id: Uuid) => Promise<T | null>,
): KeyedWrite<T> {
  const { organizationId, operation, request } = write;
  const answer = (recorded: RecordedRequest | null, sent: KeyedRequest) =>
    recorded && recordedAnswer(recorded.requestHash, sent, () => load(recorded.resourceId));
  return {
    async recorded() {
      return request ? answer(await requests.find(organizationId, operation, request.key), request) : null;
    },
    async claim(resourceId) {
      return request ? answer(await requests.claim(organizationId, operation, request, resourceId), request) : null;
    },
  };
}
