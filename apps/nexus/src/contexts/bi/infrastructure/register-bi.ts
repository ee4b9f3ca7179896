import type { Context, MiddlewareHandler } from "hono";
import type { AuthGuard } from "@/contexts/auth/contracts/auth-guard";
import type { AuditChainKeys } from "@/shared/infrastructure/audit/audit-hash";
import { AuditTrail } from "@/shared/infrastructure/audit/audit-trail";
import type { Container } from "@/shared/infrastructure/container/container";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { DrizzleUnitOfWork } from "@/shared/infrastructure/database/unit-of-work";
import type { ContextModule } from "@/shared/infrastructure/module/context-module";
import { PlatformTokens as P } from "@/shared/infrastructure/platform.tokens";
import type { BiDeps } from "../application/bi-deps";
import { ApplyEventUseCase } from "../application/use-cases/apply-event.use-case";
import { GetFreshnessUseCase } from "../application/use-cases/get-freshness.use-case";
import { GetKpisUseCase } from "../application/use-cases/get-kpis.use-case";
import { GetProductRankingUseCase } from "../application/use-cases/get-product-ranking.use-case";
import { GetTimeSeriesUseCase } from "../application/use-cases/get-time-series.use-case";
import { RebuildProjectionsUseCase } from "../application/use-cases/rebuild-projections.use-case";
import { PlatformBiAuditLog } from "./adapters/platform.bi-audit-log";
import { BiTokens } from "./bi.tokens";
import { subscribeBiProjections } from "./events/bi-event-subscriptions";
import { PlatformEventLog } from "./events/platform.event-log";
import { BiController } from "./http/bi.controller";
import { biErrors } from "./http/bi.problems";
import { DashboardController } from "./http/dashboard.controller";
import { ProjectionUpdates } from "./http/projection-updates";
import { DrizzleFactsReader } from "./persistence/drizzle.facts-reader";
import { DrizzleProjectionRebuild } from "./persistence/drizzle.projection-rebuild";
import { DrizzleProjectionStore } from "./persistence/drizzle.projection-store";

/** bi offers no public services yet. (Its subscriptions are still wired by subscribeBiProjections.) */
export type BiModule = ContextModule<Record<string, never>>;

/**
 * Registers the bi context: its projections subscribe to the integration events (before the event bus
 * starts), and its controllers serve the read API and the dashboard behind auth's guard.
 */
export function registerBi(container: Container, guard: AuthGuard<MiddlewareHandler, Context>): BiModule {
  container.singleton(BiTokens.Deps, (r) => buildBiDeps(r));
  container.singleton(BiTokens.RebuildProjections, (r) => new RebuildProjectionsUseCase(r.resolve(BiTokens.Deps)));
  const deps = container.resolve(BiTokens.Deps);
  subscribeBiProjections(container.resolve(P.EventBus).dispatcher, new ApplyEventUseCase(deps));

  const updates = new ProjectionUpdates(deps.reader, container.resolve(P.Logger));
  container.singleton(
    BiTokens.Updates,
    () => updates,
    (u) => u.close(),
  );
  container.resolve(BiTokens.Updates);
  return {
    name: "bi",
    subscriptions: [],
    services: {},
    periodicTasks: [],
    problems: biErrors.table,
    controllers: [
      new BiController({
        guard,
        getKpis: new GetKpisUseCase(deps),
        getTimeSeries: new GetTimeSeriesUseCase(deps),
        getProductRanking: new GetProductRankingUseCase(deps),
        getFreshness: new GetFreshnessUseCase(deps),
        rebuild: container.resolve(BiTokens.RebuildProjections),
        updates,
      }),
      new DashboardController(),
    ],
  };
}

function buildBiDeps(r: Pick<Container, "resolve">): BiDeps {
  const database = r.resolve(P.Database);
  return {
    store: new DrizzleProjectionStore(database),
    reader: new DrizzleFactsReader(database),
    eventLog: new PlatformEventLog(database),
    rebuildTarget: new DrizzleProjectionRebuild(database),
    unitOfWork: r.resolve(P.UnitOfWork),
    audit: new PlatformBiAuditLog(r.resolve(P.AuditTrail)),
    clock: { now: () => new Date() },
  };
}

/** The rebuild on its own, for the CLI (`projections-rebuild`), which runs without the HTTP app. */
export function createProjectionsRebuild(
  database: DatabaseClient,
  auditKeys: AuditChainKeys,
): RebuildProjectionsUseCase {
  return new RebuildProjectionsUseCase({
    eventLog: new PlatformEventLog(database),
    rebuildTarget: new DrizzleProjectionRebuild(database),
    unitOfWork: new DrizzleUnitOfWork(database),
    audit: new PlatformBiAuditLog(new AuditTrail(database, auditKeys)),
    clock: { now: () => new Date() },
  });
}
