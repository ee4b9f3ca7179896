import type { OpenAPIHono } from "@hono/zod-openapi";
import type { MetricsRegistry } from "@/shared/infrastructure/metrics/metrics-registry";
import type { AppEnv } from "./app-env";

export function registerMetricsRoute(app: OpenAPIHono<AppEnv>, metrics: MetricsRegistry): void {
  app.get("/metrics", async (c) =>
    c.body(await metrics.render(), 200, { "Content-Type": "text/plain; version=0.0.4; charset=utf-8" }),
  );
}
