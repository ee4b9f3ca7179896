import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { User } from "../domain/user.entity";
import type { AuthDeps } from "./auth-deps";
import { revokeSessions } from "./revoke-sessions";

/**
 * What a new password means, whichever way it was set (reset link or change): the hash is replaced,
 * every outstanding reset link of the user is spent (one mailed before must not undo it), and the
 * user's sessions end (revocations recorded) — all but `keepSessionId` when the user is signed in.
 * Call inside the unit of work.
 */
export async function applyNewPassword(
  deps: Pick<AuthDeps, "users" | "sessions" | "oneTimeTokens" | "revocations">,
  user: User,
  change: {
    passwordHash: string;
    reason: "password-changed" | "password-reset";
    keepSessionId?: Uuid;
    now: Timestamp;
  },
): Promise<{ endedSessionIds: Uuid[]; resetLinksSpent: number }> {
  const { now } = change;
  user.replacePasswordHash(change.passwordHash, now);
  if (change.reason === "password-reset") user.verifyEmail(now); // the mailed link proves the address
  await deps.users.save(user);
  const resetLinksSpent = await deps.oneTimeTokens.invalidateAll(user.id, "password-reset", now);
  const active = await deps.sessions.listActiveByUser(user.id, now);
  const toEnd = active.filter((s) => s.id !== change.keepSessionId);
  const endedSessionIds = await revokeSessions(deps, toEnd, change.reason, now);
  return { endedSessionIds, resetLinksSpent };
}
