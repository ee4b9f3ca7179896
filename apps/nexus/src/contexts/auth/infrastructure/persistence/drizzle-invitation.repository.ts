import { and, asc, count, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { ok } from "@/shared/domain/result";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { keysetPage } from "@/shared/infrastructure/database/keyset-page";
import type { InvitationRepository, InvitationView } from "../../application/ports/invitation.repository";
import type { Paged, PageRequest } from "../../application/ports/page";
import type { Email } from "../../domain/email.value-object";
import type { OneTimeToken } from "../../domain/one-time-token.entity";
import { toOneTimeToken } from "./one-time-token.mapper";
import { type OneTimeTokenRow, oneTimeTokens } from "./one-time-token.table";
import { organizations } from "./organization.table";
import { TimeIdCursor } from "./time-id-cursor";

const isInvitation = eq(oneTimeTokens.purpose, "invitation");

/** Invitations in auth.one_time_tokens (purpose "invitation"); see the port. */
export class DrizzleInvitationRepository implements InvitationRepository {
  constructor(private readonly client: DatabaseClient) {}

  /** Served by the unique partial index one_time_tokens_pending_invitation_uq. */
  async findPending(organizationId: Uuid, email: Email): Promise<OneTimeToken | null> {
    return this.findLocked(
      and(
        isInvitation,
        eq(oneTimeTokens.invitationOrganizationId, organizationId),
        eq(oneTimeTokens.email, email),
        isNull(oneTimeTokens.usedAt),
      ),
    );
  }

  async findById(id: Uuid): Promise<OneTimeToken | null> {
    return this.findLocked(and(isInvitation, eq(oneTimeTokens.id, id)));
  }

  private async findLocked(where: ReturnType<typeof and>): Promise<OneTimeToken | null> {
    const [row] = await withDatabaseErrors(() =>
      this.client.executor().select().from(oneTimeTokens).where(where).limit(1).for("update"),
    );
    return row ? toOneTimeToken(row) : null;
  }

  /** Served by one_time_tokens_invitation_organization_created_idx. */
  async listPendingOfOrganization(organizationId: Uuid, now: Timestamp, page: PageRequest): Paged<InvitationView> {
    return this.listPending(eq(oneTimeTokens.invitationOrganizationId, organizationId), now, page);
  }

  /** Served by one_time_tokens_pending_invitation_email_idx. */
  async listPendingFor(email: Email, now: Timestamp, page: PageRequest): Paged<InvitationView> {
    return this.listPending(eq(oneTimeTokens.email, email), now, page);
  }

  /** Keyset pagination on (created_at, id), as the member list; a cursor this adapter did not issue is refused. */
  private async listPending(filter: ReturnType<typeof eq>, now: Timestamp, page: PageRequest): Paged<InvitationView> {
    const decoded = TimeIdCursor.decode("invitations", page.cursor);
    if (!decoded.ok) return decoded;
    const cursor = decoded.value;
    const after = cursor
      ? sql`(${oneTimeTokens.createdAt}, ${oneTimeTokens.id}) > (${TimeIdCursor.at(cursor)}::timestamptz, ${cursor.id}::uuid)`
      : undefined;
    const rows = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select({ token: oneTimeTokens, organizationName: organizations.name })
        .from(oneTimeTokens)
        .innerJoin(organizations, eq(organizations.id, oneTimeTokens.invitationOrganizationId))
        .where(
          and(isInvitation, filter, isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, now.toDate()), after),
        )
        .orderBy(asc(oneTimeTokens.createdAt), asc(oneTimeTokens.id))
        .limit(page.limit + 1),
    );
    const { items, nextCursor } = keysetPage(rows, page.limit, ({ token }) =>
      TimeIdCursor.encode("invitations", { atMs: token.createdAt.getTime(), id: token.id }),
    );
    return ok({ items: items.flatMap(toInvitationView), nextCursor });
  }

  /** Served by the partial indexes on (organization, created_at) and (invited_by, created_at). */
  async lockInviter(invitedBy: Uuid): Promise<void> {
    await withDatabaseErrors(() =>
      this.client
        .executor()
        .execute(sql`select pg_advisory_xact_lock(hashtext('nexus.auth.inviter'), hashtext(${invitedBy}))`),
    );
  }

  async countSince(by: { organizationId: Uuid } | { invitedBy: Uuid }, since: Timestamp): Promise<number> {
    const who =
      "organizationId" in by
        ? eq(oneTimeTokens.invitationOrganizationId, by.organizationId)
        : eq(oneTimeTokens.invitedBy, by.invitedBy);
    const [row] = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select({ n: count() })
        .from(oneTimeTokens)
        .where(and(isInvitation, who, gt(oneTimeTokens.createdAt, since.toDate()))),
    );
    return row?.n ?? 0;
  }

  async spendByInviter(organizationId: Uuid, invitedBy: Uuid, at: Timestamp): Promise<Uuid[]> {
    const db = this.client.executor();
    const pending = db
      .select({ id: oneTimeTokens.id })
      .from(oneTimeTokens)
      .where(
        and(
          isInvitation,
          eq(oneTimeTokens.invitationOrganizationId, organizationId),
          eq(oneTimeTokens.invitedBy, invitedBy),
          isNull(oneTimeTokens.usedAt),
        ),
      )
      .for("update", { skipLocked: true });
    const spent = await withDatabaseErrors(() =>
      db
        .update(oneTimeTokens)
        .set({ usedAt: at.toDate() })
        .where(inArray(oneTimeTokens.id, pending))
        .returning({ id: oneTimeTokens.id }),
    );
    return spent.map((row) => row.id);
  }
}

function toInvitationView(row: { token: OneTimeTokenRow; organizationName: string }): InvitationView[] {
  const { token, organizationName } = row;
  // The table's check constraint makes the grant columns present on every invitation.
  if (!token.invitationOrganizationId || !token.invitationRole || !token.invitedBy) return [];
  return [
    {
      id: token.id,
      organizationId: token.invitationOrganizationId,
      organizationName,
      email: token.email,
      role: token.invitationRole,
      invitedBy: token.invitedBy,
      createdAt: Timestamp.fromDate(token.createdAt),
      expiresAt: Timestamp.fromDate(token.expiresAt),
    },
  ];
}
