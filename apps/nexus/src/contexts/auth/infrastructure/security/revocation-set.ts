import { Role } from "../../domain/role.value-object";
import type { AccessRevocation } from "./access-revocation";

/** What the guard checks a token's claims against. */
export interface RevocationSubject {
  readonly sessionId: string;
  readonly userId: string;
  readonly organizationId: string | null;
  readonly role: Role | null;
}

/**
 * This instance's copy of the unexpired revocations: the guard's check is two map look-ups.
 * Adding is idempotent and order-free (a membership keeps its latest change by sequence), so
 * broadcasts, this instance's own commits and full reloads can interleave in any order.
 */
export class RevocationSet {
  private readonly sessions = new Map<string, number>();
  private readonly memberships = new Map<string, { role: Role | null; sequence: number; expiresAtMs: number }>();

  add(revocations: readonly AccessRevocation[]): void {
    for (const r of revocations) {
      if (r.kind === "session") {
        this.sessions.set(r.sessionId, Math.max(r.expiresAtMs, this.sessions.get(r.sessionId) ?? 0));
        continue;
      }
      const key = membershipKey(r.organizationId, r.userId);
      const known = this.memberships.get(key);
      if (!known || known.sequence < r.sequence) {
        this.memberships.set(key, { role: r.role, sequence: r.sequence, expiresAtMs: r.expiresAtMs });
      }
    }
  }

  /** The session ended, or the token's role is stronger than the one its holder has kept. */
  revokes(subject: RevocationSubject): boolean {
    if (this.sessions.has(subject.sessionId)) return true;
    if (subject.organizationId === null || subject.role === null) return false;
    const change = this.memberships.get(membershipKey(subject.organizationId, subject.userId));
    return change !== undefined && (change.role === null || !Role.atLeast(change.role, subject.role));
  }

  /** Forgets what no unexpired token can be subject to any more. */
  prune(nowMs: number): void {
    for (const [id, expiresAtMs] of this.sessions) if (expiresAtMs <= nowMs) this.sessions.delete(id);
    for (const [key, change] of this.memberships) if (change.expiresAtMs <= nowMs) this.memberships.delete(key);
  }

  get size(): number {
    return this.sessions.size + this.memberships.size;
  }
}

const membershipKey = (organizationId: string, userId: string) => `${organizationId}:${userId}`;
