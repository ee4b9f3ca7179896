import type { Uuid } from "@/shared/domain/uuid.value-object";

export type AuthAuditAction =
  | "auth.user.registered"
  | "auth.email.verified"
  | "auth.login.succeeded"
  | "auth.login.failed"
  | "auth.token.refreshed"
  | "auth.session.reuse_detected"
  | "auth.session.revoked"
  | "auth.logout"
  | "auth.password.changed"
  | "auth.password.reset_requested"
  | "auth.email.verification_requested"
  | "auth.password.reset"
  | "auth.organization.created"
  | "auth.organization.updated"
  | "auth.member.added"
  | "auth.member.invited"
  | "auth.invitation.accepted"
  | "auth.invitation.revoked"
  | "auth.member.role_changed"
  | "auth.member.removed"
  | "auth.organization.switched";

/**
 * Structurally a subset of the platform's AuditEntryInput, so the adapter passes it straight to
 * AuditTrail. Metadata never carries a password or a token (raw or hashed).
 */
export interface AuthAuditEntry {
  readonly action: AuthAuditAction;
  readonly outcome: "success" | "failure" | "denied";
  /** The chain the entry joins; null for events before/without a tenant (login, register). */
  readonly organizationId: Uuid | null;
  /** Who did it; null when anonymous (unknown email). Omitted = the request's verified caller. */
  readonly actorId?: Uuid | null;
  readonly resourceType?: string;
  readonly resourceId?: string;
  readonly metadata?: Record<string, unknown>;
  /** From the use case's request metadata; omitted = the current request's. */
  readonly ip?: string | null;
  readonly userAgent?: string | null;
}

export interface AuthAuditLog {
  /** Joins the current unit of work: commits or rolls back with the use case's writes. */
  record(entry: AuthAuditEntry): Promise<void>;
  /** Commits on its own (failed logins…). Only ever called OUTSIDE a unit of work. */
  recordIndependently(entry: AuthAuditEntry): Promise<void>;
}
