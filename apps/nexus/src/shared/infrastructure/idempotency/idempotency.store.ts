/** A response kept for replay: status, the headers worth replaying, and the body as text. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface ClaimRequest {
  scope: string;
  key: string;
  requestHash: string;
  /** How long an unfinished claim blocks the key before another attempt may take it over. */
  inFlightSeconds: number;
}

export type ClaimOutcome =
  /** This attempt owns the key: run the handler, then `complete` or `release` with `claimId`. */
  | { kind: "claimed"; claimId: string }
  /** Same key, same body, already answered. */
  | { kind: "completed"; response: StoredResponse }
  /** Same key, same body, the first attempt is still running. */
  | { kind: "in-progress" }
  /** Same key, different body. */
  | { kind: "mismatch" };

/**
 * Shared store of idempotency keys. Every method commits on its own, outside any business
 * transaction: a claim must be visible to other instances before the handler starts.
 * Expired rows count as absent.
 */
export interface IdempotencyStore {
  claim(request: ClaimRequest): Promise<ClaimOutcome>;
  complete(input: {
    scope: string;
    key: string;
    claimId: string;
    response: StoredResponse;
    ttlSeconds: number;
  }): Promise<void>;
  /** Drops an unfinished claim so the client can retry with the same key. */
  release(input: { scope: string; key: string; claimId: string }): Promise<void>;
  /** Deletes expired rows; returns how many. */
  purgeExpired(): Promise<number>;
}
