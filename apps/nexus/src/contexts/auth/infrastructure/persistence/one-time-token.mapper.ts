import { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Email } from "../../domain/email.value-object";
import { type InvitationGrant, OneTimeToken } from "../../domain/one-time-token.entity";
import type { OneTimeTokenRow, oneTimeTokens } from "./one-time-token.table";

function invitationOf(row: OneTimeTokenRow): InvitationGrant | null {
  // The table's check constraint guarantees all three or none.
  if (!row.invitationOrganizationId || !row.invitationRole || !row.invitedBy) return null;
  return { organizationId: row.invitationOrganizationId, role: row.invitationRole, invitedBy: row.invitedBy };
}

export function toOneTimeToken(row: OneTimeTokenRow): OneTimeToken {
  return OneTimeToken.restore({
    id: row.id,
    purpose: row.purpose,
    tokenHash: row.tokenHash,
    userId: row.userId,
    email: row.email as Email,
    invitation: invitationOf(row),
    createdAt: Timestamp.fromDate(row.createdAt),
    expiresAt: Timestamp.fromDate(row.expiresAt),
    usedAt: row.usedAt ? Timestamp.fromDate(row.usedAt) : null,
  });
}

export function toOneTimeTokenRow(token: OneTimeToken): typeof oneTimeTokens.$inferInsert {
  const p = token.toProps();
  return {
    id: p.id,
    purpose: p.purpose,
    tokenHash: p.tokenHash,
    userId: p.userId,
    email: p.email,
    invitationOrganizationId: p.invitation?.organizationId ?? null,
    invitationRole: p.invitation?.role ?? null,
    invitedBy: p.invitation?.invitedBy ?? null,
    createdAt: p.createdAt.toDate(),
    expiresAt: p.expiresAt.toDate(),
    usedAt: p.usedAt?.toDate() ?? null,
  };
}
