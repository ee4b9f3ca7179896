import type { Uuid } from "@/shared/domain/uuid.value-object";

/** The caller's Idempotency-Key and the middleware's fingerprint of the request body. */
export interface IssueRequest {
  readonly key: string;
  readonly requestHash: string;
}

/** `invoice`, or `credit-note:<invoice id>`: the key's namespace, like the middleware's route scope. */
export type IssueScope = "invoice" | `credit-note:${Uuid}`;

/** A key that already issued a document. */
export interface IssuedRequest {
  readonly requestHash: string;
  readonly documentId: Uuid;
}

/**
 * Which document each key issued, written in the document's transaction (docs/adr/0007): a retry
 * whose stored response was lost finds its document here instead of taking a second number.
 */
export interface IssueRequestRepository {
  find(organizationId: Uuid, scope: IssueScope, key: string): Promise<IssuedRequest | null>;
  /**
   * Inside the unit of work: records that `request` issues `documentId`, unless the key is recorded
   * already — then returns that record (committed by a concurrent twin this call waited for). Null
   * when this call recorded it.
   */
  claim(
    organizationId: Uuid,
    scope: IssueScope,
    request: IssueRequest,
    documentId: Uuid,
  ): Promise<IssuedRequest | null>;
}
