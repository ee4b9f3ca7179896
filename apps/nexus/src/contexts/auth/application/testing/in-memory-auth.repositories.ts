import { err, ok } from "@/shared/domain/result";
import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Email } from "../../domain/email.value-object";
import { Membership } from "../../domain/membership.entity";
import { OneTimeToken, type OneTimeTokenPurpose } from "../../domain/one-time-token.entity";
import { Organization } from "../../domain/organization.entity";
import { Session } from "../../domain/session.entity";
import { User } from "../../domain/user.entity";
import { INVALID_CURSOR } from "../auth.errors";
import type { InvitationRepository, InvitationView } from "../ports/invitation.repository";
import type { MembershipRepository, MemberView, OrganizationOfUser } from "../ports/membership.repository";
import type { OneTimeTokenRepository } from "../ports/one-time-token.repository";
import type { OrganizationRepository } from "../ports/organization.repository";
import type { Paged, PageRequest } from "../ports/page";
import type { RefreshTokenMatch, SessionRepository } from "../ports/session.repository";
import type { UserRepository } from "../ports/user.repository";
import type { InMemoryAuthStore } from "./in-memory-auth.store";

export class InMemoryUserRepository implements UserRepository {
  constructor(private readonly store: InMemoryAuthStore) {}

  async findById(id: Uuid): Promise<User | null> {
    const props = this.store.tables.users.get(id);
    return props ? User.restore(props) : null;
  }

  /** One thread: nothing to lock. */
  async lockById(id: Uuid): Promise<User | null> {
    return this.findById(id);
  }

  async findByEmail(email: Email): Promise<User | null> {
    const props = [...this.store.tables.users.values()].find((u) => u.email === email);
    return props ? User.restore(props) : null;
  }

  async save(user: User): Promise<void> {
    const clash = [...this.store.tables.users.values()].find((u) => u.email === user.email && u.id !== user.id);
    if (clash) throw new Error(`unique violation: users.email ${user.email}`);
    this.store.tables.users.set(user.id, user.toProps());
  }
}

export class InMemoryOrganizationRepository implements OrganizationRepository {
  constructor(private readonly store: InMemoryAuthStore) {}

  async findById(id: Uuid): Promise<Organization | null> {
    const props = this.store.tables.organizations.get(id);
    return props ? Organization.restore(props) : null;
  }

  /** One thread: nothing to lock. */
  async lockById(id: Uuid): Promise<Organization | null> {
    return this.findById(id);
  }

  async save(organization: Organization): Promise<void> {
    this.store.tables.organizations.set(organization.id, organization.toProps());
  }
}

const membershipKey = (organizationId: Uuid, userId: Uuid) => `${organizationId}:${userId}`;
const byJoinTime = (a: { createdAt: Timestamp; userId: string }, b: { createdAt: Timestamp; userId: string }) =>
  a.createdAt.epochMs - b.createdAt.epochMs || a.userId.localeCompare(b.userId);

export class InMemoryMembershipRepository implements MembershipRepository {
  constructor(private readonly store: InMemoryAuthStore) {}

  async find(organizationId: Uuid, userId: Uuid): Promise<Membership | null> {
    const props = this.store.tables.memberships.get(membershipKey(organizationId, userId));
    return props ? Membership.restore(props) : null;
  }

  /** One thread: nothing to lock. */
  async findShared(organizationId: Uuid, userId: Uuid): Promise<Membership | null> {
    return this.find(organizationId, userId);
  }

  /** One thread: nothing to lock. */
  async lockForManagement(organizationId: Uuid, userIds: readonly Uuid[]): Promise<Membership[]> {
    const found = await Promise.all(userIds.map((userId) => this.find(organizationId, userId)));
    return found.filter((m): m is Membership => m !== null);
  }

  async listByUser(userId: Uuid): Promise<Membership[]> {
    return [...this.store.tables.memberships.values()]
      .filter((m) => m.userId === userId)
      .sort(byJoinTime)
      .map((m) => Membership.restore(m));
  }

  async listOrganizationsOfUser(userId: Uuid): Promise<OrganizationOfUser[]> {
    return (await this.listByUser(userId)).flatMap((m) => {
      const props = this.store.tables.organizations.get(m.organizationId);
      return props ? [{ organization: Organization.restore(props), role: m.role }] : [];
    });
  }

  async pageOrganizationsOfUser(userId: Uuid, page: PageRequest): Paged<OrganizationOfUser> {
    return offsetPage(await this.listOrganizationsOfUser(userId), page);
  }

  async listMembers(organizationId: Uuid, page: PageRequest): Paged<MemberView> {
    const all = [...this.store.tables.memberships.values()].filter((m) => m.organizationId === organizationId);
    all.sort(byJoinTime);
    const views = all.map((m): MemberView => {
      const user = this.store.tables.users.get(m.userId);
      return {
        userId: m.userId,
        email: user?.email ?? "",
        name: user?.name ?? "",
        role: m.role,
        joinedAt: m.createdAt,
      };
    });
    return offsetPage(views, page);
  }

  async countOwners(organizationId: Uuid): Promise<number> {
    return [...this.store.tables.memberships.values()].filter(
      (m) => m.organizationId === organizationId && m.role === "owner",
    ).length;
  }

  async save(membership: Membership): Promise<void> {
    this.store.tables.memberships.set(
      membershipKey(membership.organizationId, membership.userId),
      membership.toProps(),
    );
  }

  async delete(organizationId: Uuid, userId: Uuid): Promise<void> {
    this.store.tables.memberships.delete(membershipKey(organizationId, userId));
  }
}

export class InMemorySessionRepository implements SessionRepository {
  constructor(private readonly store: InMemoryAuthStore) {}

  async findById(id: Uuid): Promise<Session | null> {
    const props = this.store.tables.sessions.get(id);
    return props ? Session.restore(props) : null;
  }

  async findByRefreshTokenHash(hash: string): Promise<RefreshTokenMatch | null> {
    const member = this.store.tables.refreshFamily.get(hash);
    const props = member ? this.store.tables.sessions.get(member.sessionId) : undefined;
    return member && props ? { session: Session.restore(props), generation: member.generation } : null;
  }

  async listActiveByUser(userId: Uuid, now: Timestamp): Promise<Session[]> {
    return [...this.store.tables.sessions.values()]
      .map((p) => Session.restore(p))
      .filter((s) => s.userId === userId && s.isActive(now))
      .sort((a, b) => b.lastUsedAt.epochMs - a.lastUsedAt.epochMs);
  }

  async pageActiveByUser(userId: Uuid, now: Timestamp, page: PageRequest): Paged<Session> {
    return offsetPage(await this.listActiveByUser(userId, now), page);
  }

  async save(session: Session): Promise<void> {
    const { tables } = this.store;
    // As the database adapter: a revocation already stored is never undone by a stale copy.
    const stored = tables.sessions.get(session.id);
    const props = session.toProps();
    tables.sessions.set(
      session.id,
      stored?.revokedAt ? { ...props, revokedAt: stored.revokedAt, revokedReason: stored.revokedReason } : props,
    );
    if (!tables.refreshFamily.has(session.refreshTokenHash)) {
      tables.refreshFamily.set(session.refreshTokenHash, { sessionId: session.id, generation: session.generation });
    }
  }

  async purgeEndedBefore(cutoff: Timestamp): Promise<number> {
    const { sessions, refreshFamily } = this.store.tables;
    const ended = new Set(
      [...sessions.values()]
        .filter((s) => s.expiresAt.isBefore(cutoff) || s.revokedAt?.isBefore(cutoff))
        .map((s) => s.id as string),
    );
    for (const id of ended) sessions.delete(id);
    for (const [hash, member] of refreshFamily) if (ended.has(member.sessionId)) refreshFamily.delete(hash);
    return ended.size;
  }
}

export class InMemoryOneTimeTokenRepository implements OneTimeTokenRepository {
  constructor(private readonly store: InMemoryAuthStore) {}

  async findByHash(tokenHash: string): Promise<OneTimeToken | null> {
    const props = this.store.tables.oneTimeTokens.get(tokenHash);
    return props ? OneTimeToken.restore(props) : null;
  }

  async save(token: OneTimeToken): Promise<void> {
    this.store.tables.oneTimeTokens.set(token.tokenHash, token.toProps());
  }

  async invalidateAll(userId: Uuid, purpose: OneTimeTokenPurpose, at: Timestamp): Promise<number> {
    const { oneTimeTokens } = this.store.tables;
    let spent = 0;
    for (const [hash, props] of oneTimeTokens) {
      if (props.userId !== userId || props.purpose !== purpose || props.usedAt !== null) continue;
      if (!at.isBefore(props.expiresAt)) continue;
      oneTimeTokens.set(hash, { ...props, usedAt: at });
      spent += 1;
    }
    return spent;
  }

  async purgeSpentBefore(cutoff: Timestamp): Promise<number> {
    const { oneTimeTokens } = this.store.tables;
    let purged = 0;
    for (const [hash, props] of oneTimeTokens) {
      if (!props.expiresAt.isBefore(cutoff) && !props.usedAt?.isBefore(cutoff)) continue;
      oneTimeTokens.delete(hash);
      purged += 1;
    }
    return purged;
  }
}

/**
 * The cursor is a plain offset: good enough for a fake. Anything else is refused as `invalid-cursor`,
 * as the Drizzle adapters refuse a cursor they did not issue.
 */
function offsetPage<T>(all: readonly T[], page: PageRequest): Paged<T> {
  if (page.cursor !== null && !/^\d{1,9}$/.test(page.cursor)) return Promise.resolve(err(INVALID_CURSOR));
  const start = page.cursor === null ? 0 : Number(page.cursor);
  const items = all.slice(start, start + page.limit);
  const next = start + items.length;
  return Promise.resolve(ok({ items, nextCursor: next < all.length ? String(next) : null }));
}

export class InMemoryInvitationRepository implements InvitationRepository {
  constructor(private readonly store: InMemoryAuthStore) {}

  private invitations(): OneTimeToken[] {
    return [...this.store.tables.oneTimeTokens.values()]
      .filter((p) => p.purpose === "invitation" && p.invitation !== null)
      .sort((a, b) => a.createdAt.epochMs - b.createdAt.epochMs)
      .map((p) => OneTimeToken.restore(p));
  }

  async findPending(organizationId: Uuid, email: Email): Promise<OneTimeToken | null> {
    return (
      this.invitations().find(
        (t) => t.usedAt === null && t.email === email && t.invitation?.organizationId === organizationId,
      ) ?? null
    );
  }

  async findById(id: Uuid): Promise<OneTimeToken | null> {
    return this.invitations().find((t) => t.id === id) ?? null;
  }

  private view(t: OneTimeToken): InvitationView[] {
    const grant = t.invitation;
    const organization = grant ? this.store.tables.organizations.get(grant.organizationId) : undefined;
    if (!grant || !organization) return [];
    return [
      {
        id: t.id,
        organizationId: grant.organizationId,
        organizationName: organization.name,
        email: t.email,
        role: grant.role,
        invitedBy: grant.invitedBy,
        createdAt: t.createdAt,
        expiresAt: t.expiresAt,
      },
    ];
  }

  private pending(now: Timestamp): OneTimeToken[] {
    return this.invitations().filter((t) => t.usedAt === null && now.isBefore(t.expiresAt));
  }

  async listPendingOfOrganization(organizationId: Uuid, now: Timestamp, page: PageRequest): Paged<InvitationView> {
    return this.pendingPage(now, page, (t) => t.invitation?.organizationId === organizationId);
  }

  async listPendingFor(email: Email, now: Timestamp, page: PageRequest): Paged<InvitationView> {
    return this.pendingPage(now, page, (t) => t.email === email);
  }

  private pendingPage(now: Timestamp, page: PageRequest, keep: (t: OneTimeToken) => boolean): Paged<InvitationView> {
    return offsetPage(
      this.pending(now)
        .filter(keep)
        .flatMap((t) => this.view(t)),
      page,
    );
  }

  /** One process, no interleaving inside a use case: nothing to lock. */
  async lockInviter(): Promise<void> {}

  async countSince(by: { organizationId: Uuid } | { invitedBy: Uuid }, since: Timestamp): Promise<number> {
    return this.invitations().filter(
      (t) =>
        t.createdAt.isAfter(since) &&
        ("organizationId" in by
          ? t.invitation?.organizationId === by.organizationId
          : t.invitation?.invitedBy === by.invitedBy),
    ).length;
  }

  async spendByInviter(organizationId: Uuid, invitedBy: Uuid, at: Timestamp): Promise<Uuid[]> {
    const spent: Uuid[] = [];
    for (const t of this.invitations()) {
      if (t.invitation?.organizationId !== organizationId || t.invitation.invitedBy !== invitedBy) continue;
      if (!t.spend(at)) continue;
      this.store.tables.oneTimeTokens.set(t.tokenHash, t.toProps());
      spent.push(t.id);
    }
    return spent;
  }
}
