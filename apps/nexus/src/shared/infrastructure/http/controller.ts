import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./app-env";
import type { ProblemTypeInfo } from "./problem-catalog";

/** A context's HTTP adapter: declares its routes (with their Zod schemas) on the app. */
export interface Controller {
  register(app: OpenAPIHono<AppEnv>): void;
  /** The context's own problem codes, so each `/problems/<code>` page can explain them. */
  readonly problemTypes?: Readonly<Record<string, ProblemTypeInfo>>;
}
