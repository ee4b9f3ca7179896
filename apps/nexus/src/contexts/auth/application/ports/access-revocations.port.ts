import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Role } from "../../domain/role.value-object";

/**
 * What makes live access tokens stop working (ADR 0010). Call INSIDE the unit of work that makes
 * the change: the revocation is recorded and queued for every instance in the same transaction, so
 * it holds once committed, on every instance within a second, and is never lost.
 */
export interface AccessRevocations {
  /** The sessions ended: their access tokens stop working. */
  revokeSessions(sessionIds: readonly Uuid[]): Promise<void>;
  /**
   * `userId`'s role in `organizationId` is now `role` (null: no longer a member). Access tokens for
   * that organization carrying a stronger role stop working. Every membership change calls this,
   * joins included (a join overrides an earlier removal).
   */
  membershipChanged(organizationId: Uuid, userId: Uuid, role: Role | null): Promise<void>;
}
