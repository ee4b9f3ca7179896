import { z } from "@hono/zod-openapi";
import { SERIES_METRICS } from "../../application/use-cases/get-time-series.use-case";
import { RANKING_CRITERIA } from "../../domain/product-ranking";
import { GRANULARITIES } from "../../domain/time-bucket";

const Day = z
  .string()
  .openapi({ example: "2026-03-01", description: "A day of the organization's calendar (YYYY-MM-DD), inclusive" });
const Money = z.number().int().openapi({ description: "Minor units of the organization's currency" });
const Quantity = z.string().openapi({ example: "12.5", description: "Exact decimal" });

export const PeriodQuerySchema = z.object({
  from: Day.optional().openapi({ description: "First day (default: 29 days before `to`)" }),
  to: Day.optional().openapi({ description: "Last day (default: today in the organization's time zone)" }),
});

export const TimeSeriesQuerySchema = PeriodQuerySchema.extend({
  metric: z.enum(SERIES_METRICS).default("revenueNet"),
  granularity: z.enum(GRANULARITIES).default("day"),
});

export const RankingQuerySchema = PeriodQuerySchema.extend({
  by: z.enum(RANKING_CRITERIA).default("revenue"),
  limit: z.coerce.number().int().min(1).max(200).default(10),
});

const PeriodFields = {
  from: Day,
  to: Day,
  timezone: z.string().openapi({ example: "Europe/Lisbon" }),
  currency: z.string().nullable().openapi({ example: "EUR" }),
};

export const KpisSchema = z
  .object({
    ...PeriodFields,
    revenueNet: Money,
    taxTotal: Money,
    revenueGross: Money,
    invoiceCount: z.number().int(),
    averageTicket: Money.nullable().openapi({ description: "revenueGross / invoiceCount, half-to-even" }),
    unitsSold: Quantity,
    unitsProduced: Quantity,
    productionCost: Money,
    costOfGoodsSold: Money,
    grossMargin: Money,
    grossMarginPct: z
      .string()
      .nullable()
      .openapi({ example: "41.27", description: "grossMargin / revenueNet × 100, half-to-even to 2 decimals" }),
  })
  .openapi("BiKpis");

export const TimeSeriesSchema = z
  .object({
    ...PeriodFields,
    metric: z.enum(SERIES_METRICS),
    granularity: z.enum(GRANULARITIES),
    points: z.array(
      z.object({
        bucket: Day.openapi({ description: "First day of the bucket (the ISO Monday for weeks)" }),
        value: z.union([z.number(), z.string(), z.null()]),
      }),
    ),
  })
  .openapi("BiTimeSeries");

export const RankingSchema = z
  .object({
    ...PeriodFields,
    by: z.enum(RANKING_CRITERIA),
    items: z.array(
      z.object({
        rank: z.number().int(),
        productId: z.string(),
        name: z.string().nullable(),
        sku: z.string().nullable(),
        unit: z.string().nullable(),
        revenueNet: Money,
        unitsSold: Quantity,
        costOfGoodsSold: Money,
        grossMargin: Money,
      }),
    ),
  })
  .openapi("BiProductRanking");

export const FreshnessSchema = z
  .object({
    lastEventAt: z.string().nullable(),
    lastAppliedAt: z.string().nullable(),
    rebuiltAt: z.string().nullable(),
    lagMs: z.number().int().nullable(),
    ageMs: z.number().int().nullable(),
  })
  .openapi("BiFreshness");

export const RebuildSchema = z
  .object({ organizationId: z.string(), eventsApplied: z.number().int(), durationMs: z.number().int() })
  .openapi("BiRebuild");
