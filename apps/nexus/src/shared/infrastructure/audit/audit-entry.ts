import type { Uuid } from "@/shared/domain/uuid.value-object";

export type AuditOutcome = "success" | "failure" | "denied";
export type AuditActorType = "user" | "system" | "anonymous";

/** What a caller records. ip, userAgent and traceId default to the current request's. */
export interface AuditEntryInput {
  /** Dotted verb, e.g. "auth.login.succeeded", "production.order.created". */
  readonly action: string;
  readonly outcome: AuditOutcome;
  /** The chain the entry joins; null = the global chain (anonymous / pre-tenant events). */
  readonly organizationId: Uuid | null;
  readonly actorId?: Uuid | null;
  /** Defaults to "user" when actorId is given, else "anonymous". */
  readonly actorType?: AuditActorType;
  readonly resourceType?: string;
  readonly resourceId?: string;
  /** Free-form context; keys that look like secrets are redacted before storage. */
  readonly metadata?: Record<string, unknown>;
  /** Overrides for the CLI and system jobs, which run outside an HTTP request. */
  readonly ip?: string | null;
  readonly userAgent?: string | null;
  readonly traceId?: string | null;
}

/** A stored entry, as the query and verifier see it. Times are RFC 3339 UTC (ms). */
export interface AuditEntry {
  readonly id: Uuid;
  readonly organizationId: Uuid | null;
  readonly chainSeq: number;
  readonly prevHash: string;
  readonly hash: string;
  readonly occurredAt: string;
  readonly actorId: Uuid | null;
  readonly actorType: AuditActorType;
  readonly action: string;
  readonly outcome: AuditOutcome;
  readonly resourceType: string | null;
  readonly resourceId: string | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly traceId: string | null;
  readonly metadata: Record<string, unknown>;
}
