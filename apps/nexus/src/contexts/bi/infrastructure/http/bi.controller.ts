import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { streamSSE } from "hono/streaming";
import { type AuthGuard, BEARER_AUTH } from "@/contexts/auth/contracts/auth-guard";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { declareApiTags } from "@/shared/infrastructure/http/openapi.routes";
import type { GetFreshnessUseCase } from "../../application/use-cases/get-freshness.use-case";
import type { GetKpisUseCase } from "../../application/use-cases/get-kpis.use-case";
import type { GetProductRankingUseCase } from "../../application/use-cases/get-product-ranking.use-case";
import type { GetTimeSeriesUseCase } from "../../application/use-cases/get-time-series.use-case";
import type { RebuildProjectionsUseCase } from "../../application/use-cases/rebuild-projections.use-case";
import { biErrors } from "./bi.problems";
import {
  FreshnessSchema,
  KpisSchema,
  PeriodQuerySchema,
  RankingQuerySchema,
  RankingSchema,
  RebuildSchema,
  TimeSeriesQuerySchema,
  TimeSeriesSchema,
} from "./bi.schemas";
import { csvResponse, toCsv, wantsCsv } from "./csv";
import type { ProjectionUpdates } from "./projection-updates";

const json = <T>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
const jsonOrCsv = <T>(schema: T, description: string) => ({
  description: `${description} (JSON, or CSV with Accept: text/csv — audited)`,
  content: { "application/json": { schema }, "text/csv": { schema: { type: "string" as const } } },
});
const NO_STORE = { "Cache-Control": "no-store" };
// Views carry Money and Quantity, whose toJSON gives the schemas' numbers and strings: hence the casts
// of `c.json(view as never, …)` below; errors are typed end to end by the catalogue.
/** The codes a period query answers besides 200 (the guard's and the query schema's too). */
const PERIOD_PROBLEMS = biErrors.responses(
  "unauthenticated",
  "forbidden",
  "validation-failed",
  "invalid-period",
  "period-too-long",
);
const GUARD_PROBLEMS = biErrors.responses("unauthenticated", "forbidden");
/** A dashboard's stream ends after this and reconnects, so access tokens are re-checked. */
const STREAM_MS = 5 * 60_000;
const PING_MS = 20_000;

const base = { tags: ["bi"], security: BEARER_AUTH };
const kpis = createRoute({
  ...base,
  method: "get",
  path: "/api/v1/bi/kpis",
  operationId: "getBiKpis",
  summary: "KPIs of a period (analyst and up)",
  request: { query: PeriodQuerySchema },
  responses: { 200: json(KpisSchema, "The period's KPIs"), ...PERIOD_PROBLEMS },
});
const timeSeries = createRoute({
  ...base,
  method: "get",
  path: "/api/v1/bi/timeseries",
  operationId: "getBiTimeSeries",
  summary: "One metric per day, ISO week or month of the organization's calendar, zero-filled",
  request: { query: TimeSeriesQuerySchema },
  responses: { 200: jsonOrCsv(TimeSeriesSchema, "The series"), ...PERIOD_PROBLEMS },
});
const ranking = createRoute({
  ...base,
  method: "get",
  path: "/api/v1/bi/products/ranking",
  operationId: "getBiProductRanking",
  summary: "Products ranked by revenue, units sold or gross margin",
  request: { query: RankingQuerySchema },
  responses: { 200: jsonOrCsv(RankingSchema, "The ranking"), ...PERIOD_PROBLEMS },
});
const freshness = createRoute({
  ...base,
  method: "get",
  path: "/api/v1/bi/freshness",
  operationId: "getBiFreshness",
  summary: "When the projections last applied an event, and how late it was",
  responses: { 200: json(FreshnessSchema, "Freshness"), ...GUARD_PROBLEMS },
});
const rebuild = createRoute({
  ...base,
  method: "post",
  path: "/api/v1/bi/projections/rebuild",
  operationId: "rebuildBiProjections",
  summary: "Rebuild this organization's projections from the event log (admin and up)",
  responses: { 200: json(RebuildSchema, "Rebuilt"), ...GUARD_PROBLEMS },
});
const updates = createRoute({
  ...base,
  method: "get",
  path: "/api/v1/bi/updates",
  operationId: "streamBiUpdates",
  summary: "Server-sent events: `changed` each time the organization's projections change",
  responses: {
    200: { description: "An event stream", content: { "text/event-stream": { schema: { type: "string" as const } } } },
    ...GUARD_PROBLEMS,
  },
});

export interface BiControllerDeps {
  readonly guard: AuthGuard<MiddlewareHandler, Context>;
  readonly getKpis: GetKpisUseCase;
  readonly getTimeSeries: GetTimeSeriesUseCase;
  readonly getProductRanking: GetProductRankingUseCase;
  readonly getFreshness: GetFreshnessUseCase;
  readonly rebuild: RebuildProjectionsUseCase;
  readonly updates: ProjectionUpdates;
}

/** The bi read API (spec §7). The organization is always the token's. */
export class BiController implements Controller {
  constructor(private readonly deps: BiControllerDeps) {}

  register(app: OpenAPIHono<AppEnv>): void {
    const { guard } = this.deps;
    declareApiTags(app, [{ name: "bi", description: "KPIs, time series, rankings and the dashboard's live updates" }]);
    const readers = { middleware: [guard.requirePermission("bi:read")] };
    const admins = { middleware: [guard.requirePermission("bi:admin")] };

    app.openapi({ ...kpis, ...readers }, async (c) => {
      const { organizationId } = guard.organizationCaller(c);
      const result = await this.deps.getKpis.execute({ organizationId, ...c.req.valid("query") });
      if (!result.ok) return biErrors.problem(c, result.error);
      return c.json(result.value as never, 200, NO_STORE);
    });

    app.openapi({ ...timeSeries, ...readers }, async (c) => {
      const { organizationId, userId } = guard.organizationCaller(c);
      const csv = wantsCsv(c.req.header("accept"));
      const result = await this.deps.getTimeSeries.execute({
        organizationId,
        actorId: userId,
        ...c.req.valid("query"),
        ...(csv ? { export: "csv" as const } : {}),
      });
      if (!result.ok) return biErrors.problem(c, result.error);
      if (!csv) return c.json(result.value as never, 200, NO_STORE);
      const { metric, granularity, from, to, points } = result.value;
      const body = toCsv(
        ["bucket", metric],
        points.map((p) => [p.bucket, p.value]),
      );
      return csvResponse(body, `timeseries-${metric}-${granularity}-${from}-${to}.csv`) as never;
    });

    app.openapi({ ...ranking, ...readers }, async (c) => {
      const { organizationId, userId } = guard.organizationCaller(c);
      const csv = wantsCsv(c.req.header("accept"));
      const result = await this.deps.getProductRanking.execute({
        organizationId,
        actorId: userId,
        ...c.req.valid("query"),
        ...(csv ? { export: "csv" as const } : {}),
      });
      if (!result.ok) return biErrors.problem(c, result.error);
      if (!csv) return c.json(result.value as never, 200, NO_STORE);
      const { by, from, to, items } = result.value;
      const body = toCsv(
        ["rank", "productId", "name", "sku", "unit", "revenueNet", "unitsSold", "costOfGoodsSold", "grossMargin"],
        items.map((p) => [
          p.rank,
          p.productId,
          p.name,
          p.sku,
          p.unit,
          p.revenueNet,
          p.unitsSold,
          p.costOfGoodsSold,
          p.grossMargin,
        ]),
      );
      return csvResponse(body, `product-ranking-${by}-${from}-${to}.csv`) as never;
    });

    app.openapi({ ...freshness, ...readers }, async (c) => {
      const { organizationId } = guard.organizationCaller(c);
      return c.json(await this.deps.getFreshness.execute({ organizationId }), 200, NO_STORE);
    });

    app.openapi({ ...rebuild, ...admins }, async (c) => {
      const { organizationId, userId } = guard.organizationCaller(c);
      const report = await this.deps.rebuild.execute({ organizationId, actorId: userId });
      return c.json(report, 200, NO_STORE);
    });

    app.openapi({ ...updates, ...readers }, (c) => {
      const { organizationId } = guard.organizationCaller(c);
      c.header("Cache-Control", "no-store");
      return streamSSE(c, async (stream) => {
        const unsubscribe = await this.deps.updates.subscribe(organizationId, (at) => {
          void stream.writeSSE({ event: "changed", data: at }).catch(() => {});
        });
        try {
          await stream.writeSSE({ event: "ready", data: new Date().toISOString() });
          const ping = setInterval(() => void stream.write(": ping\n\n").catch(() => {}), PING_MS);
          let stopWaiting = () => {};
          await new Promise<void>((resolve) => {
            const end = setTimeout(resolve, STREAM_MS);
            const forgetClose = this.deps.updates.onClose(resolve);
            stopWaiting = () => {
              clearTimeout(end);
              forgetClose();
            };
            stream.onAbort(resolve);
          });
          stopWaiting();
          clearInterval(ping);
        } finally {
          unsubscribe();
        }
      }) as never;
    });
  }
}
