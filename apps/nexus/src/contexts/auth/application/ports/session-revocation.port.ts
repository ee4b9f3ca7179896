import type { Uuid } from "@/shared/domain/uuid.value-object";

/**
 * Revoked session ids, shared by every instance (cache port: Redis when configured), so a revoked
 * session's access tokens stop working within a second without a database read per request.
 */
export interface SessionRevocationList {
  revoke(sessionIds: readonly Uuid[]): Promise<void>;
  isRevoked(sessionId: Uuid): Promise<boolean>;
}
