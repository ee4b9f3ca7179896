/** BI's writes and sensitive reads (CSV exports) in the platform audit trail. */
export interface BiAuditLog {
  record(entry: {
    readonly organizationId: string;
    readonly actorId: string | null;
    readonly action: string;
    readonly outcome: "success" | "failure";
    readonly resourceType: string;
    readonly resourceId?: string;
    readonly metadata?: Record<string, unknown>;
  }): Promise<void>;
}
