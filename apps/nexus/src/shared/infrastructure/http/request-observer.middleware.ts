import type { Context, MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import type { Logger } from "@/shared/infrastructure/logging/logger";
import type { MetricsRegistry } from "@/shared/infrastructure/metrics/metrics-registry";
import type { AppEnv } from "./app-env";

/** Label for requests no route matched, so scanners cannot blow up metric cardinality. */
export const UNMATCHED_ROUTE = "(unmatched)";

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** The route pattern (`/api/v1/products/:id`) that served the request, never the raw path. */
export function routePattern(c: Context): string {
  const handler = matchedRoutes(c).findLast((r) => r.method !== "ALL");
  return handler?.path ?? UNMATCHED_ROUTE;
}

/** One log line and one metrics observation per request, after the response is known. */
export function requestObserverMiddleware(logger: Logger, metrics: MetricsRegistry): MiddlewareHandler<AppEnv> {
  const labels = ["method", "route", "status"];
  const requests = metrics.counter("http_requests_total", "HTTP requests served", labels);
  const duration = metrics.histogram("http_request_duration_seconds", "HTTP request duration in seconds", labels);
  const inFlight = metrics.gauge("http_requests_in_flight", "HTTP requests being served");

  return async (c, next) => {
    const started = performance.now();
    inFlight.inc();
    let status = 500;
    try {
      await next();
      status = c.res.status;
    } finally {
      inFlight.dec();
      const seconds = (performance.now() - started) / 1000;
      const route = routePattern(c);
      const sample = { method: METHODS.has(c.req.method) ? c.req.method : "OTHER", route, status };
      requests.inc(sample);
      duration.observe(sample, seconds);
      const actor = c.var.requestContext?.actor;
      const line = {
        method: c.req.method,
        route,
        path: c.req.path,
        status,
        durationMs: Math.round(seconds * 100_000) / 100,
        ip: c.var.requestContext?.ip,
        ...(actor ? { userId: actor.userId, organizationId: actor.organizationId } : {}),
      };
      if (status >= 500) logger.error(line, "request completed");
      else logger.info(line, "request completed");
    }
  };
}
