import { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import type { MemberView } from "../../application/ports/membership.repository";
import { Membership } from "../../domain/membership.entity";
import type { MembershipRow, memberships } from "./membership.table";

export function toMembership(row: MembershipRow): Membership {
  return Membership.restore({
    organizationId: row.organizationId,
    userId: row.userId,
    role: row.role,
    createdAt: Timestamp.fromDate(row.createdAt),
    updatedAt: Timestamp.fromDate(row.updatedAt),
    acceptedAt: row.acceptedAt ? Timestamp.fromDate(row.acceptedAt) : null,
  });
}

export function toMembershipRow(membership: Membership): typeof memberships.$inferInsert {
  const p = membership.toProps();
  return {
    // The surrogate key; ignored when the (organization, user) pair already has a row.
    id: Uuid.generate(p.createdAt.epochMs),
    organizationId: p.organizationId,
    userId: p.userId,
    role: p.role,
    createdAt: p.createdAt.toDate(),
    updatedAt: p.updatedAt.toDate(),
    acceptedAt: p.acceptedAt?.toDate() ?? null,
  };
}

export function toMemberView(
  row: Pick<MembershipRow, "userId" | "role" | "createdAt"> & { email: string; name: string },
): MemberView {
  return {
    userId: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    joinedAt: Timestamp.fromDate(row.createdAt),
  };
}
