import { and, desc, eq, gt, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { ok } from "@/shared/domain/result";
import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { keysetPage } from "@/shared/infrastructure/database/keyset-page";
import type { Paged, PageRequest } from "../../application/ports/page";
import type { RefreshTokenMatch, SessionRepository } from "../../application/ports/session.repository";
import type { Session } from "../../domain/session.entity";
import { refreshTokens } from "./refresh-token.table";
import { toSession, toSessionRow } from "./session.mapper";
import { sessions } from "./session.table";
import { TimeIdCursor } from "./time-id-cursor";

// FOR UPDATE OF takes an unqualified name, so the schema-qualified table is aliased.
const lockedSession = alias(sessions, "s");

/**
 * A revocation is final: a save from a copy read before a concurrent revocation (logout-all, a
 * password reset, a member removal) must not bring the session back to life.
 */
const STICKY_REVOCATION = {
  revokedAt: sql`coalesce(${sessions.revokedAt}, excluded.revoked_at)`,
  revokedReason: sql`coalesce(${sessions.revokedReason}, excluded.revoked_reason)`,
};

/** Sessions in `auth.sessions`, their refresh-token family in `auth.refresh_tokens`. */
export class DrizzleSessionRepository implements SessionRepository {
  constructor(private readonly client: DatabaseClient) {}

  /** Locks the row: every caller is about to end or move the session, never on top of a concurrent revocation. */
  async findById(id: Uuid): Promise<Session | null> {
    const [row] = await withDatabaseErrors(() =>
      this.client.executor().select().from(sessions).where(eq(sessions.id, id)).limit(1).for("update"),
    );
    return row ? toSession(row) : null;
  }

  /** Primary-key look-up in the family; locks the session row so concurrent refreshes serialise. */
  async findByRefreshTokenHash(hash: string): Promise<RefreshTokenMatch | null> {
    const [row] = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select({ session: lockedSession, generation: refreshTokens.generation })
        .from(refreshTokens)
        .innerJoin(lockedSession, eq(lockedSession.id, refreshTokens.sessionId))
        .where(eq(refreshTokens.tokenHash, hash))
        .limit(1)
        .for("update", { of: lockedSession }),
    );
    return row ? { session: toSession(row.session), generation: row.generation } : null;
  }

  async listActiveByUser(userId: Uuid, now: Timestamp): Promise<Session[]> {
    const rows = await withDatabaseErrors(() => this.selectActive(userId, now, undefined));
    return rows.map(toSession);
  }

  /**
   * Keyset pagination on (last_used_at, id) descending, served by sessions_user_active_idx. A session
   * used while a client pages moves to the top: it may be missed by that walk, never shown twice.
   */
  async pageActiveByUser(userId: Uuid, now: Timestamp, page: PageRequest): Paged<Session> {
    const decoded = TimeIdCursor.decode("sessions", page.cursor);
    if (!decoded.ok) return decoded;
    const cursor = decoded.value;
    const before = cursor
      ? sql`(${sessions.lastUsedAt}, ${sessions.id}) < (${TimeIdCursor.at(cursor)}::timestamptz, ${cursor.id}::uuid)`
      : undefined;
    const rows = await withDatabaseErrors(() => this.selectActive(userId, now, before).limit(page.limit + 1));
    return ok(
      keysetPage(rows.map(toSession), page.limit, (s) =>
        TimeIdCursor.encode("sessions", { atMs: s.lastUsedAt.epochMs, id: s.id }),
      ),
    );
  }

  private selectActive(userId: Uuid, now: Timestamp, before: SQL | undefined) {
    return this.client
      .executor()
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now.toDate()), before))
      .orderBy(desc(sessions.lastUsedAt), desc(sessions.id));
  }

  /** Both rows or neither: outside a unit of work it opens its own transaction, inside a savepoint. */
  async save(session: Session): Promise<void> {
    const { id, userId, createdAt, ...mutable } = toSessionRow(session);
    await withDatabaseErrors(() =>
      this.client.executor().transaction(async (tx) => {
        await tx
          .insert(sessions)
          .values({ id, userId, createdAt, ...mutable })
          .onConflictDoUpdate({ target: sessions.id, set: { ...mutable, ...STICKY_REVOCATION } });
        // A hash already in the family keeps its generation; a (session, generation) clash with a
        // different hash means two rotations raced without the lock: it surfaces as ConflictError.
        await tx
          .insert(refreshTokens)
          .values({ tokenHash: session.refreshTokenHash, sessionId: session.id, generation: session.generation })
          .onConflictDoNothing({ target: refreshTokens.tokenHash });
      }),
    );
  }

  /**
   * The family first, then the sessions, in one transaction. The set is stable: an ended session
   * is never extended nor un-revoked, and a new revocation is dated now, after any cutoff.
   */
  async purgeEndedBefore(cutoff: Timestamp): Promise<number> {
    const before = cutoff.toDate();
    const ended = or(lt(sessions.expiresAt, before), lt(sessions.revokedAt, before));
    const purged = await withDatabaseErrors(() =>
      this.client.executor().transaction(async (tx) => {
        const endedIds = tx.select({ id: sessions.id }).from(sessions).where(ended);
        await tx.delete(refreshTokens).where(inArray(refreshTokens.sessionId, endedIds));
        return tx.delete(sessions).where(ended).returning({ id: sessions.id });
      }),
    );
    return purged.length;
  }
}
