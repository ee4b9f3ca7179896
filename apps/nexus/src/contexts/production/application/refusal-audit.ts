import type { DomainError, Result } from "@/shared/domain/result";
import type { ProductionAuditLog, ProductionRefusal } from "./ports/production-services.port";

/**
 * Every write is audited (spec §8): a success inside its unit of work (the use case records it), a
 * refusal here, after the rolled-back transaction, with its own commit and only the error code.
 */
export async function auditRefusal<T, E extends DomainError>(
  audit: ProductionAuditLog,
  subject: Omit<ProductionRefusal, "reason">,
  result: Result<T, E>,
): Promise<Result<T, E>> {
  if (!result.ok) await audit.recordRefusal({ ...subject, reason: result.error.code });
  return result;
}
