import type { AuditTrail } from "@/shared/infrastructure/audit/audit-trail";
import type { TaxAuditEntry, TaxAuditLog } from "../../application/ports/tax-services.port";

/** The tax audit port over the platform's hash-chained audit trail (actor from the request context). */
export class PlatformTaxAuditLog implements TaxAuditLog {
  constructor(private readonly trail: AuditTrail) {}

  async record(entry: TaxAuditEntry): Promise<void> {
    await this.trail.record(toInput(entry));
  }

  async recordIndependently(entry: TaxAuditEntry): Promise<void> {
    await this.trail.recordIndependently(toInput(entry));
  }
}

function toInput({ resourceId, ...entry }: TaxAuditEntry) {
  return resourceId === null ? entry : { ...entry, resourceId };
}
