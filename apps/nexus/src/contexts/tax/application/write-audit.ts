import type { DomainError, Result } from "@/shared/domain/result";
import type { TaxAuditEntry, TaxAuditLog } from "./ports/tax-services.port";

type Subject = Omit<TaxAuditEntry, "outcome" | "metadata">;

/**
 * Every write is audited (spec §8): a success inside its unit of work (the use case records it), a
 * failure here, after the rolled-back transaction, with its own commit and only the error code.
 */
export async function auditFailure<T, E extends DomainError>(
  audit: TaxAuditLog,
  subject: Subject,
  result: Result<T, E>,
): Promise<Result<T, E>> {
  if (!result.ok) {
    await audit.recordIndependently({ ...subject, outcome: "failure", metadata: { reason: result.error.code } });
  }
  return result;
}
