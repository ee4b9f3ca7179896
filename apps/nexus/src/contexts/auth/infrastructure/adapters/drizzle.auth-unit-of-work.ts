import type { UnitOfWork } from "@/shared/infrastructure/database/unit-of-work";
import type { AuthUnitOfWork } from "../../application/ports/auth-unit-of-work.port";

/**
 * Auth's unit of work is the platform's (DrizzleUnitOfWork, or the outbox-notifying wrapper the
 * composition root registers): the Drizzle repositories, the audit trail and the dev mailbox all
 * enlist through `client.executor()`, so one transaction covers them.
 */
export class DrizzleAuthUnitOfWork implements AuthUnitOfWork {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.unitOfWork.transaction(work);
  }
}
