import { err, ok, type Result } from "@/shared/domain/result";
import type { LiabilityRow } from "../ports/liability-report.query";
import { invalid, type ListError } from "../tax.errors";
import type { TaxActor, TaxDeps } from "../tax-deps";
import { checkRange } from "./list-invoices.use-case";

export interface LiabilityReport {
  readonly from: string;
  readonly to: string;
  readonly currency: string;
  readonly rows: LiabilityRow[];
  readonly totals: { readonly taxableBase: number; readonly tax: number };
}

/** GET /tax/reports/liability?from&to: a sensitive read, audited (spec §8). */
export class LiabilityReportUseCase {
  constructor(private readonly deps: Pick<TaxDeps, "liability" | "organizations" | "audit" | "unitOfWork">) {}

  async execute(input: {
    readonly actor: TaxActor;
    readonly from: string;
    readonly to: string;
  }): Promise<Result<LiabilityReport, ListError>> {
    if (input.from === undefined || input.to === undefined) return err(invalid("from", "from and to are required"));
    const range = checkRange(input.from, input.to);
    if (!range.ok) return range;
    const { organizationId } = input.actor;
    const profile = await this.deps.organizations.find(organizationId);
    const rows = await this.deps.liability.report(organizationId, input.from, input.to);
    await this.deps.unitOfWork.transaction(() =>
      this.deps.audit.record({
        organizationId,
        action: "tax.liability-report.read",
        resourceType: "liability-report",
        resourceId: null,
        outcome: "success",
        metadata: { from: input.from, to: input.to },
      }),
    );
    const sum = (pick: (row: LiabilityRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
    return ok({
      from: input.from,
      to: input.to,
      currency: profile?.currency ?? "",
      rows,
      totals: { taxableBase: sum((r) => r.taxableBase), tax: sum((r) => r.tax) },
    });
  }
}
