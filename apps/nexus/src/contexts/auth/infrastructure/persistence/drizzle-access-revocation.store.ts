import { and, eq, gt, lte } from "drizzle-orm";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { Role } from "../../domain/role.value-object";
import type { AccessRevocation } from "../security/access-revocation";
import type { RevocationSubject } from "../security/revocation-set";
import { type AccessRevocationRow, accessRevocations } from "./access-revocation.table";
import { memberships } from "./membership.table";
import { sessions } from "./session.table";

/** A revocation before it is recorded: the store dates it and numbers membership changes. */
export type NewAccessRevocation =
  | { readonly kind: "session"; readonly sessionId: Uuid }
  | { readonly kind: "membership"; readonly organizationId: Uuid; readonly userId: Uuid; readonly role: Role | null };

/**
 * `auth.access_revocations`, plus the authoritative check the guard falls back to while the
 * broadcast is down: the session row and the membership row themselves (ADR 0010).
 */
export class DrizzleAccessRevocationStore {
  constructor(private readonly client: DatabaseClient) {}

  /** Inside the revoking transaction (`executor()`). */
  async record(revocations: readonly NewAccessRevocation[], expiresAt: Date): Promise<AccessRevocation[]> {
    if (revocations.length === 0) return [];
    const rows = await withDatabaseErrors(() =>
      this.client
        .executor()
        .insert(accessRevocations)
        .values(
          revocations.map((r) => ({
            id: Uuid.generate(),
            expiresAt,
            ...(r.kind === "session"
              ? { sessionId: r.sessionId }
              : { organizationId: r.organizationId, userId: r.userId, role: r.role }),
          })),
        )
        .returning(),
    );
    return rows.map(toAccessRevocation);
  }

  /** Every revocation that an unexpired token may still be subject to (a full resync). */
  async unexpired(now: Date): Promise<AccessRevocation[]> {
    const rows = await withDatabaseErrors(() =>
      this.client.db.select().from(accessRevocations).where(gt(accessRevocations.expiresAt, now)),
    );
    return rows.map(toAccessRevocation);
  }

  /**
   * One query: the session must exist, belong to the token's user and not be revoked; an
   * organization token's role must not exceed the member's current role.
   */
  async revokes(subject: RevocationSubject): Promise<boolean> {
    const { sessionId, userId, organizationId, role } = subject;
    const ofTokenUser = and(eq(sessions.id, sessionId as Uuid), eq(sessions.userId, userId as Uuid));
    if (organizationId === null || role === null) {
      const [row] = await withDatabaseErrors(() =>
        this.client.db.select({ revokedAt: sessions.revokedAt }).from(sessions).where(ofTokenUser).limit(1),
      );
      return !row || row.revokedAt !== null;
    }
    const [row] = await withDatabaseErrors(() =>
      this.client.db
        .select({ revokedAt: sessions.revokedAt, role: memberships.role })
        .from(sessions)
        .leftJoin(
          memberships,
          and(eq(memberships.organizationId, organizationId as Uuid), eq(memberships.userId, sessions.userId)),
        )
        .where(ofTokenUser)
        .limit(1),
    );
    return !row || row.revokedAt !== null || row.role === null || !Role.atLeast(row.role, role);
  }

  async purgeExpired(now: Date): Promise<number> {
    const rows = await withDatabaseErrors(() =>
      this.client.db
        .delete(accessRevocations)
        .where(lte(accessRevocations.expiresAt, now))
        .returning({ id: accessRevocations.id }),
    );
    return rows.length;
  }
}

function toAccessRevocation(row: AccessRevocationRow): AccessRevocation {
  const expiresAtMs = row.expiresAt.getTime();
  if (row.sessionId !== null) return { kind: "session", sessionId: row.sessionId, expiresAtMs };
  if (row.organizationId === null || row.userId === null) throw new Error(`access revocation ${row.id} is malformed`);
  const { organizationId, userId, role, sequence } = row;
  return { kind: "membership", organizationId, userId, role, sequence, expiresAtMs };
}
