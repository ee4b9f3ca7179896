import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { OneTimeToken, OneTimeTokenPurpose } from "../../domain/one-time-token.entity";

/** Verification, password-reset and invitation tokens, stored only as a SHA-256 hash. */
export interface OneTimeTokenRepository {
  /**
   * Index lookup by hash (unique). Returns used and expired tokens too: the entity decides. Inside
   * a unit of work the adapter LOCKS the row (for update), so a token is consumed only once.
   */
  findByHash(tokenHash: string): Promise<OneTimeToken | null>;
  /** Insert or update (consuming sets usedAt). */
  save(token: OneTimeToken): Promise<void>;
  /**
   * Marks every unused, unexpired token of the user for this purpose as used at `at` (e.g. all
   * outstanding reset links once the password has changed). Returns how many it spent.
   */
  invalidateAll(userId: Uuid, purpose: OneTimeTokenPurpose, at: Timestamp): Promise<number>;
  /** Deletes the tokens that expired or were used before `cutoff` (housekeeping). Returns how many. */
  purgeSpentBefore(cutoff: Timestamp): Promise<number>;
}
