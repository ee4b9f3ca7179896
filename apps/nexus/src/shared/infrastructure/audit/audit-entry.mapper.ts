import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { AuditActorType, AuditEntry, AuditOutcome } from "./audit-entry";
import type { AuditEntryRow } from "./audit-entry.table";

export function toAuditEntry(row: AuditEntryRow): AuditEntry {
  return {
    id: row.id as Uuid,
    organizationId: row.organizationId as Uuid | null,
    chainSeq: row.chainSeq,
    prevHash: row.prevHash,
    hash: row.hash,
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId as Uuid | null,
    actorType: row.actorType as AuditActorType,
    action: row.action,
    outcome: row.outcome as AuditOutcome,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    ip: row.ip,
    userAgent: row.userAgent,
    traceId: row.traceId,
    metadata: row.metadata,
  };
}
