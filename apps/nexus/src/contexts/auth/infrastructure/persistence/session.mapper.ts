import { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Session } from "../../domain/session.entity";
import type { SessionRow, sessions } from "./session.table";

const optional = (date: Date | null): Timestamp | null => (date ? Timestamp.fromDate(date) : null);

export function toSession(row: SessionRow): Session {
  return Session.restore({
    id: row.id,
    userId: row.userId,
    organizationId: row.organizationId,
    refreshTokenHash: row.refreshTokenHash,
    generation: row.generation,
    rotatedAt: Timestamp.fromDate(row.rotatedAt),
    createdAt: Timestamp.fromDate(row.createdAt),
    lastUsedAt: Timestamp.fromDate(row.lastUsedAt),
    expiresAt: Timestamp.fromDate(row.expiresAt),
    revokedAt: optional(row.revokedAt),
    revokedReason: row.revokedReason,
    ip: row.ip,
    userAgent: row.userAgent,
  });
}

export function toSessionRow(session: Session): typeof sessions.$inferInsert {
  const p = session.toProps();
  return {
    id: p.id,
    userId: p.userId,
    organizationId: p.organizationId,
    refreshTokenHash: p.refreshTokenHash,
    generation: p.generation,
    rotatedAt: p.rotatedAt.toDate(),
    createdAt: p.createdAt.toDate(),
    lastUsedAt: p.lastUsedAt.toDate(),
    expiresAt: p.expiresAt.toDate(),
    revokedAt: p.revokedAt?.toDate() ?? null,
    revokedReason: p.revokedReason,
    ip: p.ip,
    userAgent: p.userAgent,
  };
}
