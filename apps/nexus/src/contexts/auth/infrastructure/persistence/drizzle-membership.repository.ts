import { and, asc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { ok } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { keysetPage } from "@/shared/infrastructure/database/keyset-page";
import type {
  MembershipRepository,
  MemberView,
  OrganizationOfUser,
} from "../../application/ports/membership.repository";
import type { Paged, PageRequest } from "../../application/ports/page";
import type { Membership } from "../../domain/membership.entity";
import type { Role } from "../../domain/role.value-object";
import { toMembership, toMembershipRow, toMemberView } from "./membership.mapper";
import { memberships } from "./membership.table";
import { toOrganization } from "./organization.mapper";
import { organizations } from "./organization.table";
import { TimeIdCursor } from "./time-id-cursor";
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

  /** One ordered `select … for update` over the given members and the owners (see the port). */
  async lockForManagement(organizationId: Uuid, userIds: readonly Uuid[]): Promise<Membership[]> {
    const rows = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select()
        .from(memberships)
        .where(
          and(
            eq(memberships.organizationId, organizationId),
            or(inArray(memberships.userId, [...userIds]), eq(memberships.role, "owner")),
          ),
        )
        .orderBy(asc(memberships.id))
        .for("update"),
    );
    return rows.filter((row) => userIds.includes(row.userId)).map(toMembership);
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
  async listOrganizationsOfUser(userId: Uuid): Promise<OrganizationOfUser[]> {
    const rows = await withDatabaseErrors(() => this.selectOrganizationsOfUser(userId, undefined));
    return rows.map(toOrganizationOfUser);
  }

  /** Keyset pagination on the membership's (created_at, organization_id); a foreign cursor is refused. */
  async pageOrganizationsOfUser(userId: Uuid, page: PageRequest): Paged<OrganizationOfUser> {
    const decoded = TimeIdCursor.decode("my-organizations", page.cursor);
    if (!decoded.ok) return decoded;
    const cursor = decoded.value;
    const after = cursor
      ? sql`(${memberships.createdAt}, ${memberships.organizationId}) > (${TimeIdCursor.at(cursor)}::timestamptz, ${cursor.id}::uuid)`
      : undefined;
    const rows = await withDatabaseErrors(() => this.selectOrganizationsOfUser(userId, after).limit(page.limit + 1));
    const { items, nextCursor } = keysetPage(rows, page.limit, (row) =>
      TimeIdCursor.encode("my-organizations", { atMs: row.joinedAt.getTime(), id: row.organization.id as Uuid }),
    );
    return ok({ items: items.map(toOrganizationOfUser), nextCursor });
  }

  private selectOrganizationsOfUser(userId: Uuid, after: SQL | undefined) {
    return this.client
      .executor()
      .select({ organization: organizations, role: memberships.role, joinedAt: memberships.createdAt })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(and(eq(memberships.userId, userId), after))
      .orderBy(asc(memberships.createdAt), asc(memberships.organizationId));
  }

  /**
   * Keyset pagination on (created_at, user_id), served by memberships_organization_joined_idx. A
   * cursor this adapter did not issue is `invalid-cursor`, as in the in-memory fake.
   */
  async listMembers(organizationId: Uuid, page: PageRequest): Paged<MemberView> {
    const decoded = TimeIdCursor.decode("members", page.cursor);
    if (!decoded.ok) return decoded;
    const cursor = decoded.value;
    const after = cursor
      ? sql`(${memberships.createdAt}, ${memberships.userId}) > (${TimeIdCursor.at(cursor)}::timestamptz, ${cursor.id}::uuid)`
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
    return ok(
      keysetPage(rows.map(toMemberView), page.limit, (m) =>
        TimeIdCursor.encode("members", { atMs: m.joinedAt.epochMs, id: m.userId }),
      ),
    );
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

function toOrganizationOfUser(row: {
  organization: typeof organizations.$inferSelect;
  role: Role;
}): OrganizationOfUser {
  return { organization: toOrganization(row.organization), role: row.role };
}
