import { and, eq, lte, sql } from "drizzle-orm";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import type { ClaimOutcome, ClaimRequest, IdempotencyStore, StoredResponse } from "./idempotency.store";
import { idempotencyKeys as t } from "./idempotency-key.table";

// A claim can lose a race with a release between our INSERT and SELECT; retrying settles it.
const CLAIM_ATTEMPTS = 3;

/**
 * PostgreSQL-backed store, shared by every instance. Always uses the root `client.db`, never the
 * ambient transaction: a claim must commit before the handler runs, and the response must stay
 * stored even though the business transaction has already ended. Expiry uses the database clock
 * so instances with skewed clocks agree.
 */
export class DrizzleIdempotencyStore implements IdempotencyStore {
  constructor(private readonly client: DatabaseClient) {}

  claim(request: ClaimRequest): Promise<ClaimOutcome> {
    return withDatabaseErrors(async () => {
      for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
        const claimId = Uuid.generate();
        // Insert, or take over an expired row in the same statement (expired = absent).
        const claimed = await this.client.db
          .insert(t)
          .values({
            scope: request.scope,
            key: request.key,
            requestHash: request.requestHash,
            status: "in_progress",
            claimId,
            expiresAt: sql`now() + make_interval(secs => ${request.inFlightSeconds})`,
          })
          .onConflictDoUpdate({
            target: [t.scope, t.key],
            set: {
              requestHash: sql`excluded.request_hash`,
              status: "in_progress",
              claimId: sql`excluded.claim_id`,
              responseStatus: null,
              responseHeaders: null,
              responseBody: null,
              createdAt: sql`now()`,
              expiresAt: sql`excluded.expires_at`,
            },
            setWhere: lte(t.expiresAt, sql`now()`),
          })
          .returning({ claimId: t.claimId });
        if (claimed[0]?.claimId === claimId) return { kind: "claimed", claimId };

        const [row] = await this.client.db
          .select()
          .from(t)
          .where(and(eq(t.scope, request.scope), eq(t.key, request.key), sql`${t.expiresAt} > now()`));
        if (!row) continue; // released or expired meanwhile: try to claim again
        if (row.requestHash !== request.requestHash) return { kind: "mismatch" };
        if (row.status === "in_progress" || row.responseStatus === null) return { kind: "in-progress" };
        return {
          kind: "completed",
          response: { status: row.responseStatus, headers: row.responseHeaders ?? {}, body: row.responseBody ?? "" },
        };
      }
      // Only reachable if the key flips between claimed and released three times in a row.
      return { kind: "in-progress" };
    });
  }

  async complete(input: {
    scope: string;
    key: string;
    claimId: string;
    response: StoredResponse;
    ttlSeconds: number;
  }): Promise<void> {
    await withDatabaseErrors(() =>
      this.client.db
        .update(t)
        .set({
          status: "completed",
          responseStatus: input.response.status,
          responseHeaders: input.response.headers,
          responseBody: input.response.body,
          expiresAt: sql`now() + make_interval(secs => ${input.ttlSeconds})`,
        })
        .where(this.owned(input)),
    );
  }

  async release(input: { scope: string; key: string; claimId: string }): Promise<void> {
    await withDatabaseErrors(() => this.client.db.delete(t).where(and(this.owned(input), eq(t.status, "in_progress"))));
  }

  async purgeExpired(): Promise<number> {
    const deleted = await withDatabaseErrors(() =>
      this.client.db.delete(t).where(lte(t.expiresAt, sql`now()`)).returning({ key: t.key }),
    );
    return deleted.length;
  }

  private owned(input: { scope: string; key: string; claimId: string }) {
    return and(eq(t.scope, input.scope), eq(t.key, input.key), eq(t.claimId, input.claimId));
  }
}
