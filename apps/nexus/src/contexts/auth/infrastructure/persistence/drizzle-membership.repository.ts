import { and, asc, eq, sql } from "drizzle-orm";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import type { MembershipRepository, MemberView } from "../../application/ports/membership.repository";
import type { Page, PageRequest } from "../../application/ports/page";
import type { Membership } from "../../domain/membership.entity";
import type { Organization } from "../../domain/organization.entity";
import type { Role } from "../../domain/role.value-object";
import { MemberCursor } from "./member-cursor";
import { toMembership, toMembershipRow, toMemberView } from "./membership.mapper";
import { memberships } from "./membership.table";
import { toOrganization } from "./organization.mapper";
import { organizations } from "./organization.table";
import { users } from "./user.table";

export class DrizzleMembershipRepository implements MembershipRepository {
  constructor(private readonly client: DatabaseClient) {}

  async find(organizationId: Uuid, userId: Uuid): Promise<Membership | null> {
    const [row] = await withDatabaseErrors(() => this.selectOne(organizationId, userId));
    return row ? toMembership(row) : null;
  }

  /** As `find`, with a share lock until commit: a concurrent removal or role change waits for us. */
  async findShared(organizationId: Uuid, userId: Uuid): Promise<Membership | null> {
    const [row] = await withDatabaseErrors(() => this.selectOne(organizationId, userId).for("share"));
    return row ? toMembership(row) : null;
  }

  private selectOne(organizationId: Uuid, userId: Uuid) {
    return this.client
      .executor()
      .select()
      .from(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
      .limit(1);
  }

  async listByUser(userId: Uuid): Promise<Membership[]> {
    const rows = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select()
        .from(memberships)
        .where(eq(memberships.userId, userId))
        .orderBy(asc(memberships.createdAt), asc(memberships.organizationId)),
    );
    return rows.map(toMembership);
  }

  /** One join (same schema), served by memberships_user_joined_idx and the organizations' primary key. */
  async listOrganizationsOfUser(userId: Uuid): Promise<{ organization: Organization; role: Role }[]> {
    const rows = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select({ organization: organizations, role: memberships.role })
        .from(memberships)
        .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
        .where(eq(memberships.userId, userId))
        .orderBy(asc(memberships.createdAt), asc(memberships.organizationId)),
    );
    return rows.map((row) => ({ organization: toOrganization(row.organization), role: row.role }));
  }

  /**
   * Keyset pagination on (created_at, user_id), served by memberships_organization_joined_idx. A
   * cursor this adapter did not issue yields an empty page, as the in-memory fake does.
   */
  async listMembers(organizationId: Uuid, page: PageRequest): Promise<Page<MemberView>> {
    const cursor = page.cursor === null ? null : MemberCursor.decode(page.cursor);
    if (page.cursor !== null && !cursor) return { items: [], nextCursor: null };
    const after = cursor
      ? sql`(${memberships.createdAt}, ${memberships.userId}) > (${new Date(cursor.joinedAtMs).toISOString()}::timestamptz, ${cursor.userId}::uuid)`
      : undefined;
    const rows = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select({
          userId: memberships.userId,
          role: memberships.role,
          createdAt: memberships.createdAt,
          email: users.email,
          name: users.name,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.organizationId, organizationId), after))
        .orderBy(asc(memberships.createdAt), asc(memberships.userId))
        .limit(page.limit + 1),
    );
    const items = rows.slice(0, page.limit).map(toMemberView);
    const last = items.at(-1);
    const nextCursor =
      rows.length > page.limit && last
        ? MemberCursor.encode({ joinedAtMs: last.joinedAt.epochMs, userId: last.userId })
        : null;
    return { items, nextCursor };
  }

  /** Locks the owner rows (for update) so concurrent demotions/removals of owners are serialised. */
  async countOwners(organizationId: Uuid): Promise<number> {
    const rows = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, "owner")))
        .for("update"),
    );
    return rows.length;
  }

  async save(membership: Membership): Promise<void> {
    const row = toMembershipRow(membership);
    await withDatabaseErrors(() =>
      this.client
        .executor()
        .insert(memberships)
        .values(row)
        .onConflictDoUpdate({ target: [memberships.organizationId, memberships.userId], set: { role: row.role } }),
    );
  }

  async delete(organizationId: Uuid, userId: Uuid): Promise<void> {
    await withDatabaseErrors(() =>
      this.client
        .executor()
        .delete(memberships)
        .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId))),
    );
  }
}
