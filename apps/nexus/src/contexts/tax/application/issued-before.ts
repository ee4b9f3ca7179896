import { err, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { IssuedRequest, IssueRequest } from "./ports/issue-request.repository";
import type { IdempotencyKeyReused } from "./tax.errors";

/**
 * The answer to a key that already issued a document: that document (same id and number, nothing
 * written), or 422 when the key comes back with another body — as the platform middleware answers.
 */
export async function issuedBefore<T>(
  recorded: IssuedRequest,
  request: IssueRequest,
  load: (id: Uuid) => Promise<T | null>,
): Promise<Result<T, IdempotencyKeyReused>> {
  if (recorded.requestHash !== request.requestHash) {
    return err({
      code: "idempotency-key-reused",
      message: "this key was already used with a different request body; use a new key for a new request",
    });
  }
  const document = await load(recorded.documentId);
  // Recorded in the document's own transaction, and documents are never deleted: a bug if missing.
  if (!document) throw new Error(`document ${recorded.documentId} of an issue request is missing`);
  return ok(document);
}
