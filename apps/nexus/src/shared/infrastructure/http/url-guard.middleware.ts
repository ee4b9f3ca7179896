import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env";
import { problemResponse } from "./problem";

/**
 * A NUL character (`%00`) in the path or query string is refused at the edge for every route:
 * PostgreSQL cannot store or compare text containing one, and no legitimate client sends it.
 */
export function urlGuardMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.url.includes("%00")) {
      return problemResponse(c, {
        status: 400,
        code: "bad-request",
        detail: "The URL contains a NUL character (%00).",
      });
    }
    await next();
  };
}
