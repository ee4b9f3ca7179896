import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Session } from "../../domain/session.entity";
import type { Paged, PageRequest } from "./page";

/** A refresh token hash resolved to its session and the generation it was issued as. */
export interface RefreshTokenMatch {
  readonly session: Session;
  readonly generation: number;
}

/**
 * Sessions and their refresh-token FAMILY. Every hash a session ever held is kept with its
 * generation (e.g. a `refresh_tokens(hash pk, session_id, generation)` table, written by `save`
 * whenever `session.refreshTokenHash` is new), so an old token is recognised as REUSE rather than
 * as an unknown token.
 */
export interface SessionRepository {
  /** Inside a unit of work the adapter LOCKS the row (its callers end or move the session). */
  findById(id: Uuid): Promise<Session | null>;
  /**
   * Index lookup by SHA-256 hash over the whole family (current and rotated tokens). Inside a unit
   * of work the adapter LOCKS the session row (for update), so two concurrent refreshes of one
   * session are serialised and the second one sees the first one's rotation.
   */
  findByRefreshTokenHash(hash: string): Promise<RefreshTokenMatch | null>;
  /** Not revoked and not expired at `now`, most recently used first. */
  listActiveByUser(userId: Uuid, now: Timestamp): Promise<Session[]>;
  /** As listActiveByUser, a page at a time (`GET /auth/sessions`); a foreign cursor is `invalid-cursor`. */
  pageActiveByUser(userId: Uuid, now: Timestamp, page: PageRequest): Paged<Session>;
  /**
   * Insert or update; records `refreshTokenHash` + `generation` in the family if not yet there. A
   * stored revocation is never undone, even by a copy read before it was made.
   */
  save(session: Session): Promise<void>;
  /**
   * Deletes, with their whole refresh-token family, the sessions that expired or were revoked
   * before `cutoff` (housekeeping; they can never be used again). Returns how many sessions went.
   */
  purgeEndedBefore(cutoff: Timestamp): Promise<number>;
}
