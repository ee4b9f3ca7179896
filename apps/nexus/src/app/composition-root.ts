import type { OpenAPIHono } from "@hono/zod-openapi";
import { type AuthModule, registerAuth } from "@/contexts/auth/infrastructure/register-auth";
import { registerBi } from "@/contexts/bi/infrastructure/register-bi";
import { registerProduction } from "@/contexts/production/infrastructure/register-production";
import { registerTax } from "@/contexts/tax/infrastructure/register-tax";
import type { Config } from "@/shared/infrastructure/config/config.schema";
import { Container } from "@/shared/infrastructure/container/container";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import { createHttpApp } from "@/shared/infrastructure/http/http-app";
import { createLogger, type Logger } from "@/shared/infrastructure/logging/logger";
import type { ContextModule } from "@/shared/infrastructure/module/context-module";
import { problemTables, wireModules } from "@/shared/infrastructure/module/wire-modules";
import { PlatformTokens } from "@/shared/infrastructure/platform.tokens";
import { apiRateLimit } from "@/shared/infrastructure/rate-limit/api-rate-limit";
import { type PlatformOverrides, registerPlatform } from "@/shared/infrastructure/register-platform";

export interface Application {
  readonly config: Config;
  readonly logger: Logger;
  readonly container: Container;
  readonly http: OpenAPIHono<AppEnv>;
  /** Each context's module (its public services, for the CLI and tests). */
  readonly contexts: { readonly auth: AuthModule };
  /** Starts background work (the event relay and consumers). */
  start(): Promise<void>;
  /** Marks the app not ready, then releases everything the container created, newest first. */
  stop(): Promise<void>;
}

/**
 * The composition root: the only place that knows every context. Platform first, then each
 * context's `register<Context>(container, needs)` in dependency order — a context receives the public
 * services of those it depends on (e.g. `auth.services.guard`, `auth.services.organizationDirectory`).
 * `wireModules` subscribes every handler and adds every periodic task before `start()` exists.
 */
export async function createApplication(
  config: Config,
  options: { logger?: Logger; overrides?: PlatformOverrides } = {},
): Promise<Application> {
  const logger = options.logger ?? createLogger(config);
  const container = Container.create();
  try {
    const platform = await registerPlatform(container, config, logger, options.overrides);
    const auth = await registerAuth(container);
    const production = registerProduction(container, {
      guard: auth.services.guard,
      organizationDirectory: auth.services.organizationDirectory,
    });
    const bi = registerBi(container, auth.services.guard);
    const tax = registerTax(container, {
      guard: auth.services.guard,
      organizationDirectory: auth.services.organizationDirectory,
      productCatalog: production.services.productCatalog,
    });
    const modules: readonly ContextModule[] = [auth, production, bi, tax];
    wireModules(container, modules);

    const http = createHttpApp({
      config,
      logger,
      metrics: container.resolve(PlatformTokens.Metrics),
      container,
      controllers: [...platform.controllers, ...modules.flatMap((m) => m.controllers)],
      problemTypes: problemTables(modules),
      healthChecks: platform.healthChecks,
      readiness: container.resolve(PlatformTokens.Readiness),
      apiMiddleware: apiRateLimit(config, container.resolve(PlatformTokens.RateLimiter), logger),
    });

    return {
      config,
      logger,
      container,
      http,
      contexts: { auth },
      async start() {
        await container.resolve(PlatformTokens.EventBus).start();
        container.resolve(PlatformTokens.PeriodicTasks).start();
        container.resolve(PlatformTokens.Readiness).markStarted();
      },
      async stop() {
        container.resolve(PlatformTokens.Readiness).setDraining();
        await container.dispose();
      },
    };
  } catch (error) {
    await container.dispose().catch(() => {});
    throw error;
  }
}
