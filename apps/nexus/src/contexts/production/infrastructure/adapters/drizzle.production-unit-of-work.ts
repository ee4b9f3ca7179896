import type { Result } from "@/shared/domain/result";
import type { UnitOfWork } from "@/shared/infrastructure/database/unit-of-work";
import type { ProductionUnitOfWork } from "../../application/ports/production-services.port";

/** Carries an error Result out of the transaction it rolled back. */
class RolledBack extends Error {
  constructor(readonly result: Result<unknown, unknown>) {
    super("unit of work rolled back on an error result");
  }
}

/**
 * The platform's unit of work (outbox and audit enlist in it), plus the rule that an error Result
 * rolls everything back: a refused completion leaves no lot, movement, audit entry or event behind.
 */
export class DrizzleProductionUnitOfWork implements ProductionUnitOfWork {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async run<R extends Result<unknown, unknown>>(work: () => Promise<R>): Promise<R> {
    try {
      return await this.unitOfWork.transaction(async () => {
        const result = await work();
        if (!result.ok) throw new RolledBack(result);
        return result;
      });
    } catch (error) {
      if (error instanceof RolledBack) return error.result as R;
      throw error;
    }
  }
}
