import { sql } from "drizzle-orm";
import { check, index, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { baseColumns } from "@/shared/infrastructure/database/base-columns";
import { auth } from "@/shared/infrastructure/database/schemas";
import { ROLES, type Role } from "../../domain/role.value-object";

/**
 * A user's role in an organization; the natural key is (organization_id, user_id), `id` is only
 * the platform's surrogate. created_at is the join time (members are listed by it).
 */
export const memberships = auth.table(
  "memberships",
  {
    ...baseColumns(),
    organizationId: uuid("organization_id").$type<Uuid>().notNull(),
    userId: uuid("user_id").$type<Uuid>().notNull(),
    role: text("role", { enum: ROLES }).$type<Role>().notNull(),
    // When the user consented (created the organization, accepted an invitation). Null only for
    // members added without consent before invitations (migration 0011): login never defaults there.
    acceptedAt: timestamp("accepted_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("memberships_organization_user_uq").on(t.organizationId, t.userId),
    check("memberships_role_check", sql`${t.role} in ('owner', 'admin', 'operator', 'analyst')`),
    // Keyset pages of an organization's members, ordered by join time then user id.
    index("memberships_organization_joined_idx").on(t.organizationId, t.createdAt, t.userId),
    // A user's organizations (login picks the oldest).
    index("memberships_user_joined_idx").on(t.userId, t.createdAt),
  ],
);

export type MembershipRow = typeof memberships.$inferSelect;
