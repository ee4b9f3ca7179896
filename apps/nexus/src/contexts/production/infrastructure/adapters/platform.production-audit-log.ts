import type { AuditTrail } from "@/shared/infrastructure/audit/audit-trail";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { currentTransaction } from "@/shared/infrastructure/database/transaction-context";
import type {
  ProductionAuditEntry,
  ProductionAuditLog,
  ProductionRefusal,
} from "../../application/ports/production-services.port";

/** Production's audit port over the hash-chained platform trail: successes in the use case's transaction, refusals after it. */
export class PlatformProductionAuditLog implements ProductionAuditLog {
  constructor(
    private readonly trail: AuditTrail,
    private readonly client: DatabaseClient,
  ) {}

  async record(entry: ProductionAuditEntry): Promise<void> {
    if (!currentTransaction(this.client))
      throw new Error(`audit.record(${entry.action}) called outside a unit of work`);
    const { system, ...rest } = entry;
    await this.trail.record({
      ...rest,
      outcome: "success",
      ...(system ? { actorId: null, actorType: "system" as const } : {}),
    });
  }

  async recordRefusal({ reason, ...subject }: ProductionRefusal): Promise<void> {
    await this.trail.recordIndependently({ ...subject, outcome: "failure", metadata: { reason } });
  }
}
