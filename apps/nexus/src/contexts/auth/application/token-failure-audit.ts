import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { AuthAuditAction, AuthAuditLog } from "./ports/auth-audit-log.port";

/**
 * A mailed token (verification, reset, invitation) that was refused: audited with its own commit,
 * outside the rolled-back unit of work. Only the error code goes in, never the token.
 */
export async function auditTokenFailure(
  audit: Pick<AuthAuditLog, "recordIndependently">,
  action: AuthAuditAction,
  error: { readonly code: string },
  actorId: Uuid | null = null,
): Promise<void> {
  await audit.recordIndependently({
    action,
    outcome: "failure",
    organizationId: null,
    actorId,
    metadata: { reason: error.code },
  });
}
