import { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { Config } from "@/shared/infrastructure/config/config.schema";
import type { Container } from "@/shared/infrastructure/container/container";
import type { Logger } from "@/shared/infrastructure/logging/logger";
import type { MetricsRegistry } from "@/shared/infrastructure/metrics/metrics-registry";
import { AllowedMethods } from "./allowed-methods";
import type { AppEnv } from "./app-env";
import { bodyLimitMiddleware } from "./body-limit.middleware";
import type { Controller } from "./controller";
import { corsMiddleware } from "./cors.middleware";
import { createErrorHandler, createNotFoundHandler } from "./error-handler";
import { registerHealthRoutes } from "./health.routes";
import type { HealthCheck } from "./health-check";
import { registerMetricsRoute } from "./metrics.routes";
import { registerOpenApiRoutes } from "./openapi.routes";
import type { ProblemSpec } from "./problem-catalog";
import { registerProblemPages } from "./problem-pages.routes";
import { ReadinessState } from "./readiness";
import { requestContextMiddleware } from "./request-context.middleware";
import { requestObserverMiddleware } from "./request-observer.middleware";
import { requestScopeMiddleware } from "./request-scope.middleware";
import { securityHeadersMiddleware } from "./security-headers.middleware";
import { urlGuardMiddleware } from "./url-guard.middleware";
import { validationHook } from "./validation-problem";

export interface HttpAppDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly metrics: MetricsRegistry;
  readonly container: Container;
  readonly controllers: readonly Controller[];
  /** The contexts' error tables (code → status, title, description) for the `/problems/<code>` pages. */
  readonly problemTypes?: Readonly<Record<string, ProblemSpec>>;
  readonly healthChecks: readonly HealthCheck[];
  /** Shared with graceful shutdown, which calls `setDraining()`; one is created if omitted. */
  readonly readiness?: ReadinessState;
  /** Runs on every `/api/*` request before its route (e.g. the per-IP API rate limit). */
  readonly apiMiddleware?: readonly MiddlewareHandler<AppEnv>[];
  /** Per-dependency budget of `/health/ready`. */
  readonly readinessTimeoutMs?: number;
}

/**
 * The Hono app: edge middleware (outermost first), operational routes, then every controller.
 * Serve it with `createHttpServer(app.fetch, ...)`; test it with `app.request(...)`.
 */
export function createHttpApp(deps: HttpAppDeps): OpenAPIHono<AppEnv> {
  const { config, logger } = deps;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use(requestContextMiddleware(config));
  app.use(requestObserverMiddleware(logger, deps.metrics));
  app.use(securityHeadersMiddleware({ hsts: config.PUBLIC_BASE_URL.startsWith("https:") }));
  app.use(corsMiddleware(config.CORS_ORIGINS));
  app.use(urlGuardMiddleware());
  app.use(bodyLimitMiddleware(config.BODY_LIMIT_BYTES));
  app.use(requestScopeMiddleware(deps.container, logger));

  registerHealthRoutes(app, {
    checks: deps.healthChecks,
    readiness: deps.readiness ?? new ReadinessState(),
    logger,
    timeoutMs: deps.readinessTimeoutMs ?? 3000,
  });
  registerMetricsRoute(app, deps.metrics);
  registerProblemPages(app, deps.problemTypes ?? {});
  registerOpenApiRoutes(app, { publicBaseUrl: config.PUBLIC_BASE_URL });
  for (const middleware of deps.apiMiddleware ?? []) app.use("/api/*", middleware);
  for (const controller of deps.controllers) controller.register(app);

  app.onError(createErrorHandler(logger));
  app.notFound(createNotFoundHandler(new AllowedMethods(() => app.routes)));
  return app;
}
