import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { User } from "../domain/user.entity";
import type { UserRepository } from "./ports/user.repository";

/**
 * Call first inside the unit of work that acts on a password verified OUTSIDE it (sign-in, password
 * change): the user, locked, if the password hash is still the one just verified; else null.
 * argon2 runs before the transaction, so a reset or change may commit meanwhile. Acting anyway would
 * start a session that reset never saw (it has already ended "all" sessions) or write the old
 * password back (rehash on login, a change from a stale copy). The lock orders us against the
 * writer: either it commits first and we see the new hash, or it waits and then sees our session.
 */
export async function lockUnchangedCredentials(
  users: Pick<UserRepository, "lockById">,
  userId: Uuid,
  verifiedPasswordHash: string,
): Promise<User | null> {
  const current = await users.lockById(userId);
  return current && current.passwordHash === verifiedPasswordHash ? current : null;
}
