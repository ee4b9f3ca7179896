import { sql } from "drizzle-orm";
import { check, index, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { baseColumns } from "@/shared/infrastructure/database/base-columns";
import { auth } from "@/shared/infrastructure/database/schemas";
import type { OneTimeTokenPurpose } from "../../domain/one-time-token.entity";
import type { Role } from "../../domain/role.value-object";

/**
 * Email-verification, password-reset and invitation tokens, stored only as a SHA-256 hash (unique
 * index: look-ups are index look-ups). The invitation grant is flattened into three columns that
 * are set exactly for invitations.
 */
export const oneTimeTokens = auth.table(
  "one_time_tokens",
  {
    ...baseColumns(),
    purpose: text("purpose").$type<OneTimeTokenPurpose>().notNull(),
    tokenHash: text("token_hash").notNull(),
    userId: uuid("user_id").$type<Uuid>(),
    email: text("email").notNull(),
    invitationOrganizationId: uuid("invitation_organization_id").$type<Uuid>(),
    invitationRole: text("invitation_role").$type<Role>(),
    invitedBy: uuid("invited_by").$type<Uuid>(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("one_time_tokens_token_hash_uq").on(t.tokenHash),
    // A user's outstanding tokens of one purpose are spent together (password reset/change).
    index("one_time_tokens_user_purpose_idx").on(t.userId, t.purpose).where(sql`${t.usedAt} is null`),
    // One pending invitation per (organization, email): a second invite replaces the first.
    uniqueIndex("one_time_tokens_pending_invitation_uq")
      .on(t.invitationOrganizationId, t.email)
      .where(sql`${t.purpose} = 'invitation' and ${t.usedAt} is null`),
    // GET /invitations (mine) and the daily invitation quotas (per organization, per inviter).
    index("one_time_tokens_pending_invitation_email_idx")
      .on(t.email)
      .where(sql`${t.purpose} = 'invitation' and ${t.usedAt} is null`),
    index("one_time_tokens_invitation_organization_created_idx")
      .on(t.invitationOrganizationId, t.createdAt)
      .where(sql`${t.purpose} = 'invitation'`),
    index("one_time_tokens_invited_by_created_idx")
      .on(t.invitedBy, t.createdAt)
      .where(sql`${t.purpose} = 'invitation'`),
    check("one_time_tokens_purpose_check", sql`${t.purpose} in ('email-verification', 'password-reset', 'invitation')`),
    check(
      "one_time_tokens_invitation_role_check",
      sql`${t.invitationRole} in ('owner', 'admin', 'operator', 'analyst')`,
    ),
    // The grant is all there for an invitation and absent for every other purpose.
    check(
      "one_time_tokens_invitation_check",
      sql`case when ${t.purpose} = 'invitation'
        then ${t.invitationOrganizationId} is not null and ${t.invitationRole} is not null and ${t.invitedBy} is not null
        else ${t.invitationOrganizationId} is null and ${t.invitationRole} is null and ${t.invitedBy} is null end`,
    ),
  ],
);

export type OneTimeTokenRow = typeof oneTimeTokens.$inferSelect;
