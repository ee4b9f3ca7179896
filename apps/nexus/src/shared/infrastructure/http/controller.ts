import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./app-env";

/** A context's HTTP adapter: declares its routes (with their Zod schemas) on the app. */
export interface Controller {
  register(app: OpenAPIHono<AppEnv>): void;
}
