import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { AuditTrail } from "@/shared/infrastructure/audit/audit-trail";
import type { BiAuditLog } from "../../application/ports/bi-audit-log.port";

/** BI's audit port over the platform's hash-chained trail (in the surrounding transaction, if any). */
export class PlatformBiAuditLog implements BiAuditLog {
  constructor(private readonly trail: AuditTrail) {}

  async record(entry: Parameters<BiAuditLog["record"]>[0]): Promise<void> {
    await this.trail.record({
      organizationId: entry.organizationId as Uuid,
      actorId: entry.actorId as Uuid | null,
      ...(entry.actorId === null ? { actorType: "system" as const } : {}),
      action: entry.action,
      outcome: entry.outcome,
      resourceType: entry.resourceType,
      ...(entry.resourceId ? { resourceId: entry.resourceId } : {}),
      ...(entry.metadata ? { metadata: entry.metadata } : {}),
    });
  }
}
