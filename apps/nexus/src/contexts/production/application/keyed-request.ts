import { type DomainError, err, ok, type Result } from "@/shared/domain/result";

/** The caller's Idempotency-Key and the platform middleware's fingerprint of the request body. */
export interface KeyedRequest {
  readonly key: string;
  readonly requestHash: string;
}

/** The middleware's own code, answered again by a use case whose key is recorded (docs/adr/0007). */
export type IdempotencyKeyReused = DomainError<"idempotency-key-reused">;

/**
 * The answer to a key a use case recorded in its own transaction already (the backstop of
 * docs/adr/0007, for a response the middleware failed to store; tax's `issuedBefore` is the same
 * rule for its documents — the shared kernel stays at five files, spec §2): what that request created, as it
 * is now, or 422 when the key comes back with another body — exactly as the middleware answers.
 */
export async function recordedAnswer<T>(
  recordedHash: string,
  request: KeyedRequest,
  load: () => Promise<T | null>,
): Promise<Result<T, IdempotencyKeyReused>> {
  if (recordedHash !== request.requestHash) {
    return err({
      code: "idempotency-key-reused",
      message: "this key was already used with a different request body; use a new key for a new request",
    });
  }
  const created = await load();
  // Recorded in the creating transaction, and these resources are never deleted: a bug if missing.
  if (created === null) throw new Error("the resource an Idempotency-Key created is missing");
  return ok(created);
}
