import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Logger } from "@/shared/infrastructure/logging/logger";
import type { AppEnv } from "./app-env";
import type { HealthCheck } from "./health-check";
import { problemResponse } from "./problem";
import type { ReadinessState } from "./readiness";

type CheckOutcome = "ok" | "failed" | "timeout";

export interface HealthRoutesOptions {
  readonly checks: readonly HealthCheck[];
  readonly readiness: ReadinessState;
  readonly logger: Logger;
  readonly timeoutMs: number;
}

/** `/health/live`: the process answers. `/health/ready`: started, every dependency answers, and not draining. */
export function registerHealthRoutes(app: OpenAPIHono<AppEnv>, options: HealthRoutesOptions): void {
  app.get("/health/live", (c) => c.json({ status: "ok" }));

  app.get("/health/ready", async (c) => {
    if (options.readiness.draining) {
      return problemResponse(c, {
        status: 503,
        code: "service-unavailable",
        detail: "This instance is shutting down.",
        extensions: { draining: true, checks: {} },
      });
    }
    if (options.readiness.starting) {
      return problemResponse(c, {
        status: 503,
        code: "service-unavailable",
        detail: "This instance is still starting.",
        extensions: { starting: true, checks: {} },
      });
    }
    const outcomes = await Promise.all(
      options.checks.map(async (check) => [check.name, await run(check, options)] as const),
    );
    const checks = Object.fromEntries(outcomes);
    const failing = outcomes.filter(([, outcome]) => outcome !== "ok").map(([name]) => name);
    if (failing.length === 0) return c.json({ status: "ready", checks });
    return problemResponse(c, {
      status: 503,
      code: "service-unavailable",
      detail: `Not ready: ${failing.join(", ")} unavailable.`,
      extensions: { checks },
    });
  });
}

async function run(check: HealthCheck, options: HealthRoutesOptions): Promise<CheckOutcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<CheckOutcome>((resolve) => {
    timer = setTimeout(() => resolve("timeout"), options.timeoutMs);
  });
  const probe = check.check().then(
    (): CheckOutcome => "ok",
    (error: unknown): CheckOutcome => {
      options.logger.warn({ err: error, check: check.name }, "readiness check failed");
      return "failed";
    },
  );
  try {
    const outcome = await Promise.race([probe, timeout]);
    if (outcome === "timeout") options.logger.warn({ check: check.name }, "readiness check timed out");
    return outcome;
  } finally {
    clearTimeout(timer);
  }
}
