import type { OneTimeToken } from "../../domain/one-time-token.entity";

/** Verification, password-reset and invitation tokens, stored only as a SHA-256 hash. */
export interface OneTimeTokenRepository {
  /**
   * Index lookup by hash (unique). Returns used and expired tokens too: the entity decides. Inside
   * a unit of work the adapter LOCKS the row (for update), so a token is consumed only once.
   */
  findByHash(tokenHash: string): Promise<OneTimeToken | null>;
  /** Insert or update (consuming sets usedAt). */
  save(token: OneTimeToken): Promise<void>;
}
