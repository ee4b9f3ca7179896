import { and, eq, gt, inArray, isNull, lt, or } from "drizzle-orm";
import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import type { OneTimeTokenRepository } from "../../application/ports/one-time-token.repository";
import type { OneTimeToken, OneTimeTokenPurpose } from "../../domain/one-time-token.entity";
import { toOneTimeToken, toOneTimeTokenRow } from "./one-time-token.mapper";
import { oneTimeTokens } from "./one-time-token.table";

export class DrizzleOneTimeTokenRepository implements OneTimeTokenRepository {
  constructor(private readonly client: DatabaseClient) {}

  /** Unique-index look-up; locks the row so two concurrent uses of one token serialise. */
  async findByHash(tokenHash: string): Promise<OneTimeToken | null> {
    const [row] = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select()
        .from(oneTimeTokens)
        .where(eq(oneTimeTokens.tokenHash, tokenHash))
        .limit(1)
        .for("update"),
    );
    return row ? toOneTimeToken(row) : null;
  }

  /** Insert, or record its use (usedAt is the only thing that changes after issue). */
  async save(token: OneTimeToken): Promise<void> {
    const row = toOneTimeTokenRow(token);
    await withDatabaseErrors(() =>
      this.client
        .executor()
        .insert(oneTimeTokens)
        .values(row)
        .onConflictDoUpdate({ target: oneTimeTokens.id, set: { usedAt: row.usedAt } }),
    );
  }

  /**
   * Spends every outstanding token of the user for the purpose. Rows locked by a concurrent use
   * (findByHash … for update) are SKIPPED, not waited for: that use consumes its own token, and
   * waiting would deadlock with it (it locks its token, then the user row; we hold the user row).
   */
  async invalidateAll(userId: Uuid, purpose: OneTimeTokenPurpose, at: Timestamp): Promise<number> {
    const db = this.client.executor();
    const outstanding = db
      .select({ id: oneTimeTokens.id })
      .from(oneTimeTokens)
      .where(
        and(
          eq(oneTimeTokens.userId, userId),
          eq(oneTimeTokens.purpose, purpose),
          isNull(oneTimeTokens.usedAt),
          gt(oneTimeTokens.expiresAt, at.toDate()),
        ),
      )
      .for("update", { skipLocked: true });
    const spent = await withDatabaseErrors(() =>
      db
        .update(oneTimeTokens)
        .set({ usedAt: at.toDate() })
        .where(inArray(oneTimeTokens.id, outstanding))
        .returning({ id: oneTimeTokens.id }),
    );
    return spent.length;
  }

  async purgeSpentBefore(cutoff: Timestamp): Promise<number> {
    const before = cutoff.toDate();
    const purged = await withDatabaseErrors(() =>
      this.client
        .executor()
        .delete(oneTimeTokens)
        .where(or(lt(oneTimeTokens.expiresAt, before), lt(oneTimeTokens.usedAt, before)))
        .returning({ id: oneTimeTokens.id }),
    );
    return purged.length;
  }
}
