import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Session, SessionRevocationReason } from "../domain/session.entity";
import type { SessionRepository } from "./ports/session.repository";
import type { SessionRevocationList } from "./ports/session-revocation.port";

/**
 * Revokes and saves `sessions` (inside the caller's unit of work) and returns their ids: the caller
 * pushes them to the SessionRevocationList AFTER commit, so a rollback never leaves a session
 * half-ended.
 */
export async function revokeSessions(
  sessions: SessionRepository,
  toRevoke: readonly Session[],
  reason: SessionRevocationReason,
  now: Timestamp,
): Promise<Uuid[]> {
  for (const session of toRevoke) {
    session.revoke(now, reason);
    await sessions.save(session);
  }
  return toRevoke.map((s) => s.id);
}

/**
 * After a removal or downgrade (call after commit): the member's tokens for the organization issued
 * until now stop working, including those of sessions that have switched elsewhere since.
 */
export async function publishMembershipRevocation(
  revocations: SessionRevocationList,
  change: { organizationId: Uuid; userId: Uuid; at: Timestamp; sessionIds: readonly Uuid[] },
): Promise<void> {
  await revocations.revokeMembership(change.organizationId, change.userId, change.at.epochMs);
  await publishRevocations(revocations, change.sessionIds);
}

/** Makes access tokens of `ids` stop working on every instance (call after commit). */
export async function publishRevocations(revocations: SessionRevocationList, ids: readonly Uuid[]): Promise<void> {
  if (ids.length > 0) await revocations.revoke(ids);
}
