import { err, ok, type Result } from "@/shared/domain/result";
import { computeKpis, type Kpis } from "../../domain/kpis";
import { LocalDate } from "../../domain/local-date.value-object";
import { addMeasures, ZERO_MEASURES } from "../../domain/measures";
import { type Granularity, zeroFilledSeries } from "../../domain/time-bucket";
import type { BiError } from "../bi.errors";
import type { BiDeps } from "../bi-deps";
import { resolvePeriod } from "../period";
import { organizationCalendar } from "./organization-calendar";

export const SERIES_METRICS = [
  "revenueNet",
  "taxTotal",
  "revenueGross",
  "invoiceCount",
  "averageTicket",
  "unitsSold",
  "unitsProduced",
  "productionCost",
  "costOfGoodsSold",
  "grossMargin",
  "grossMarginPct",
] as const satisfies readonly (keyof Kpis)[];
export type SeriesMetric = (typeof SERIES_METRICS)[number];

export interface TimeSeriesView {
  readonly metric: SeriesMetric;
  readonly granularity: Granularity;
  readonly from: string;
  readonly to: string;
  readonly timezone: string;
  readonly currency: string | null;
  /** Every bucket of the period, named by its first day; empty ones carry the metric's zero (or null). */
  readonly points: readonly { readonly bucket: string; readonly value: Kpis[SeriesMetric] }[];
}

/** A metric per day, ISO week or month of the organization's calendar, zero-filled. */
export class GetTimeSeriesUseCase {
  constructor(private readonly deps: Pick<BiDeps, "reader" | "clock" | "audit">) {}

  async execute(input: {
    organizationId: string;
    actorId: string | null;
    metric: SeriesMetric;
    granularity: Granularity;
    from?: string;
    to?: string;
    /** Set for a CSV download: such exports are audited (spec §8). */
    export?: "csv";
  }): Promise<Result<TimeSeriesView, BiError>> {
    const calendar = await organizationCalendar(this.deps, input.organizationId);
    const period = resolvePeriod(input, calendar.today);
    if (!period.ok) return err(period.error);
    const { from, to } = period.value;
    const days = await this.deps.reader.dailyTotals(input.organizationId, from.toString(), to.toString());
    const series = zeroFilledSeries(
      days.map((d) => ({ day: dayOf(d.day), value: d.measures })),
      { from, to, granularity: input.granularity },
      ZERO_MEASURES,
      addMeasures,
    );
    if (input.export) {
      await this.deps.audit.record({
        organizationId: input.organizationId,
        actorId: input.actorId,
        action: "bi.timeseries.exported",
        outcome: "success",
        resourceType: "bi.timeseries",
        metadata: {
          format: input.export,
          metric: input.metric,
          granularity: input.granularity,
          from: `${from}`,
          to: `${to}`,
        },
      });
    }
    return ok({
      metric: input.metric,
      granularity: input.granularity,
      from: from.toString(),
      to: to.toString(),
      timezone: calendar.timezone,
      currency: calendar.currency,
      points: series.map((p) => ({ bucket: p.bucket.toString(), value: computeKpis(p.value)[input.metric] })),
    });
  }
}

function dayOf(text: string): LocalDate {
  const parsed = LocalDate.parse(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}
