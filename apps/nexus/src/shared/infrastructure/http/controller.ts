import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./app-env";

/**
 * A context's HTTP adapter: declares its routes (with their Zod schemas) on the app. Handlers resolve
 * their use case from the request scope (`c.var.scope.resolve(token)`) and map its Result with the
 * context's error catalogue.
 */
export interface Controller {
  register(app: OpenAPIHono<AppEnv>): void;
}
