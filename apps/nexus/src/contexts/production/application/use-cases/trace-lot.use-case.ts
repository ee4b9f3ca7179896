import { err, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { LotTrace } from "../ports/production-read-model.port";
import { type NotFound, notFound } from "../production.errors";
import type { ProductionDeps } from "../production-deps";

type Deps = Pick<ProductionDeps, "readModel" | "unitOfWork" | "audit">;

/**
 * `GET /production/lots/{id}/trace`: a recall in one request. A sensitive read (spec §8): audited,
 * with the format asked for, in the same transaction as the read.
 */
export class TraceLotUseCase {
  constructor(private readonly deps: Deps) {}

  execute(organizationId: Uuid, lotId: Uuid, format: "json" | "csv"): Promise<Result<LotTrace, NotFound>> {
    return this.deps.unitOfWork.run(async () => {
      const trace = await this.deps.readModel.traceLot(organizationId, lotId);
      if (!trace) return err(notFound("lot"));
      await this.deps.audit.record({
        action: "production.lot.traced",
        organizationId,
        resourceType: "lot",
        resourceId: lotId,
        metadata: {
          format,
          code: trace.lot.code,
          orders: trace.usedIn.length,
          invoices: new Set(trace.shipments.map((s) => s.invoiceId)).size,
        },
      });
      return ok(trace);
    });
  }
}
