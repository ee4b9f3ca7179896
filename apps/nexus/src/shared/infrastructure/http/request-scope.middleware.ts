import type { MiddlewareHandler } from "hono";
import type { Container, Scope } from "@/shared/infrastructure/container/container";
import type { Token } from "@/shared/infrastructure/container/token";
import type { Logger } from "@/shared/infrastructure/logging/logger";
import type { AppEnv } from "./app-env";

/** A request's DI scope, created only when something resolves from it (most requests never do). */
class LazyRequestScope implements Scope {
  private scope: Container | undefined;

  constructor(private readonly root: Container) {}

  resolve<T>(token: Token<T>): T {
    this.scope ??= this.root.createScope();
    return this.scope.resolve(token);
  }

  useCase<D, U>(UseCase: new (deps: D) => U, depsToken: Token<D>): U {
    this.scope ??= this.root.createScope();
    return this.scope.useCase(UseCase, depsToken);
  }

  async dispose(): Promise<void> {
    await this.scope?.dispose();
  }
}

/** One DI scope per request (`c.var.scope`), disposed once the response is ready. */
export function requestScopeMiddleware(container: Container, logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const scope = new LazyRequestScope(container);
    c.set("scope", scope);
    try {
      await next();
    } finally {
      // The response is already decided; a disposal failure is ours to log, not the client's problem.
      await scope.dispose().catch((error: unknown) => logger.error({ err: error }, "request scope disposal failed"));
    }
  };
}
