import type { AuditTrail } from "@/shared/infrastructure/audit/audit-trail";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { currentTransaction } from "@/shared/infrastructure/database/transaction-context";
import type { AuthAuditEntry, AuthAuditLog } from "../../application/ports/auth-audit-log.port";

/**
 * Auth's audit port over the platform AuditTrail (hash-chained `platform.audit_entries`). Both
 * methods are strict about where they are called, like the in-memory fake: `record` outside a unit
 * of work would commit on its own and break "writes and audit together"; `recordIndependently`
 * inside one would deadlock on PGlite (AuditTrail refuses it too).
 */
export class PlatformAuthAuditLog implements AuthAuditLog {
  constructor(
    private readonly trail: AuditTrail,
    private readonly client: DatabaseClient,
  ) {}

  async record(entry: AuthAuditEntry): Promise<void> {
    if (!currentTransaction(this.client)) {
      throw new Error(`audit.record(${entry.action}) called outside a unit of work`);
    }
    await this.trail.record(entry);
  }

  async recordIndependently(entry: AuthAuditEntry): Promise<void> {
    await this.trail.recordIndependently(entry);
  }
}
