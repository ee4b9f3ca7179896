import { err, ok, type Result } from "@/shared/domain/result";
import { computeKpis, type Kpis } from "../../domain/kpis";
import type { BiError } from "../bi.errors";
import type { BiDeps } from "../bi-deps";
import { resolvePeriod } from "../period";
import { organizationCalendar } from "./organization-calendar";

export interface KpisView extends Kpis {
  readonly from: string;
  readonly to: string;
  readonly timezone: string;
  readonly currency: string | null;
}

/** The KPIs of a period: one sum over at most a few thousand day rows, however many invoices. */
export class GetKpisUseCase {
  constructor(private readonly deps: Pick<BiDeps, "reader" | "clock">) {}

  async execute(input: { organizationId: string; from?: string; to?: string }): Promise<Result<KpisView, BiError>> {
    const calendar = await organizationCalendar(this.deps, input.organizationId);
    const period = resolvePeriod(input, calendar.today);
    if (!period.ok) return err(period.error);
    const { from, to } = period.value;
    const totals = await this.deps.reader.periodTotals(input.organizationId, from.toString(), to.toString());
    return ok({
      from: from.toString(),
      to: to.toString(),
      timezone: calendar.timezone,
      currency: calendar.currency,
      ...computeKpis(totals),
    });
  }
}
