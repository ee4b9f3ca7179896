import type { MiddlewareHandler } from "hono";
import type { Container } from "@/shared/infrastructure/container/container";
import type { Logger } from "@/shared/infrastructure/logging/logger";
import type { AppEnv } from "./app-env";

/** One DI scope per request (`c.var.scope`), disposed once the response is ready. */
export function requestScopeMiddleware(container: Container, logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const scope = container.createScope();
    c.set("scope", scope);
    try {
      await next();
    } finally {
      // The response is already decided; a disposal failure is ours to log, not the client's problem.
      await scope.dispose().catch((error: unknown) => logger.error({ err: error }, "request scope disposal failed"));
    }
  };
}
