import { eq } from "drizzle-orm";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import type { OneTimeTokenRepository } from "../../application/ports/one-time-token.repository";
import type { OneTimeToken } from "../../domain/one-time-token.entity";
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
}
