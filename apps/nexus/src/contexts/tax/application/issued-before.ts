import { type IdempotencyKeyReused, recordedAnswer } from "@/shared/domain/keyed-request";
import type { Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { IssuedRequest, IssueRequest } from "./ports/issue-request.repository";

/**
 * The answer to a key that already issued a document: that document (same id and number, nothing
 * written), or 422 when the key comes back with another body — as the platform middleware answers.
 */
export function issuedBefore<T>(
  recorded: IssuedRequest,
  request: IssueRequest,
  load: (id: Uuid) => Promise<T | null>,
): Promise<Result<T, IdempotencyKeyReused>> {
  return recordedAnswer(recorded.requestHash, request, () => load(recorded.documentId));
}
