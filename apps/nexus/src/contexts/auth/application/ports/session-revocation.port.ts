import type { Uuid } from "@/shared/domain/uuid.value-object";

/**
 * Revoked session ids, shared by every instance (cache port: Redis when configured), so a revoked
 * session's access tokens stop working within a second without a database read per request.
 */
export interface SessionRevocationList {
  revoke(sessionIds: readonly Uuid[]): Promise<void>;
  isRevoked(sessionId: Uuid): Promise<boolean>;
  /**
   * After a removal or downgrade: `userId`'s access tokens for `organizationId` issued up to `atMs`
   * stop working. Ending the sessions acting there is not enough: a session that switched away
   * since still holds unexpired tokens for this organization.
   */
  revokeMembership(organizationId: Uuid, userId: Uuid, atMs: number): Promise<void>;
  isMembershipRevoked(organizationId: Uuid, userId: Uuid, issuedAtMs: number): Promise<boolean>;
}
