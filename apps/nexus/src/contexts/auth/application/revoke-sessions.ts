import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Session, SessionRevocationReason } from "../domain/session.entity";
import type { AuthDeps } from "./auth-deps";

/**
 * Revokes and saves `sessions` and records the revocation for every instance's guard, all inside
 * the caller's unit of work (a rollback leaves nothing half-ended). Returns their ids.
 */
export async function revokeSessions(
  deps: Pick<AuthDeps, "sessions" | "revocations">,
  toRevoke: readonly Session[],
  reason: SessionRevocationReason,
  now: Timestamp,
): Promise<Uuid[]> {
  for (const session of toRevoke) {
    session.revoke(now, reason);
    await deps.sessions.save(session);
  }
  const ids = toRevoke.map((s) => s.id);
  if (ids.length > 0) await deps.revocations.revokeSessions(ids);
  return ids;
}
