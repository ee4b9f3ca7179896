import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { err, ok, type Result } from "@/shared/domain/result";
import type { Config } from "@/shared/infrastructure/config/config.schema";
import { Container, type Resolver } from "@/shared/infrastructure/container/container";
import { token } from "@/shared/infrastructure/container/token";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { defineErrorCatalog } from "@/shared/infrastructure/http/error-catalog";
import type { HealthCheck } from "@/shared/infrastructure/http/health-check";
import { createHttpApp } from "@/shared/infrastructure/http/http-app";
import { problemResponses } from "@/shared/infrastructure/http/problem.schema";
import { ReadinessState } from "@/shared/infrastructure/http/readiness";
import { createLogger, type Logger } from "@/shared/infrastructure/logging/logger";
import { MetricsRegistry } from "@/shared/infrastructure/metrics/metrics-registry";
import { setRequestActor } from "@/shared/infrastructure/request-context/request-context";
import { testConfig } from "../../support/test-config";

/** Log lines written while the test app served requests, parsed. */
export class LogCapture {
  readonly lines: Record<string, unknown>[] = [];
  write(chunk: string): void {
    this.lines.push(JSON.parse(chunk) as Record<string, unknown>);
  }
  requestLine(path: string): Record<string, unknown> | undefined {
    return this.lines.find((l) => l.msg === "request completed" && l.path === path);
  }
}

/** Counts per-request scope disposals, proving the scope lives exactly as long as the request. */
export const scopedProbe = token<{ disposed: boolean }>("test.scopedProbe");

const itemsBody = z.object({
  items: z.array(z.object({ sku: z.string().min(1), quantity: z.number().int().positive() })).min(1),
});

type OrderError =
  | { code: "insufficient-stock"; message: string; shortages: string[] }
  | { code: "odd"; message: string };

const orderErrors = defineErrorCatalog({
  "insufficient-stock": { status: 409, title: "Insufficient stock", description: "Not enough stock for the order." },
  odd: { status: 422, title: "Odd number", description: "Odd numbers are refused." },
});

/** A controller exercising every edge behaviour, written the way context controllers will be. */
export class TestController implements Controller {
  /** Resolved by the test to let `/slow` finish. */
  release: () => void = () => {};
  readonly slowEntered: Promise<void>;
  private enteredSlow: () => void = () => {};

  constructor() {
    this.slowEntered = new Promise((resolve) => {
      this.enteredSlow = resolve;
    });
  }

  register(app: OpenAPIHono<AppEnv>): void {
    const createItems = createRoute({
      method: "post",
      path: "/api/v1/items",
      request: { body: { required: true, content: { "application/json": { schema: itemsBody } } } },
      responses: {
        201: { description: "created", content: { "application/json": { schema: itemsBody } } },
        ...problemResponses(400, 413, 415, 422),
      },
    });
    app.openapi(createItems, (c) => c.json(c.req.valid("json"), 201));

    const getItem = createRoute({
      method: "get",
      path: "/api/v1/items/{id}",
      request: {
        params: z.object({ id: z.uuid() }),
        query: z.object({ limit: z.coerce.number().int().max(200).optional() }),
      },
      responses: {
        200: { description: "ok", content: { "application/json": { schema: z.object({ id: z.string() }) } } },
      },
    });
    app.openapi(getItem, (c) => {
      c.var.scope.resolve(scopedProbe);
      return c.json({ id: c.req.valid("param").id }, 200);
    });

    const order = createRoute({
      method: "post",
      path: "/api/v1/orders/{n}",
      request: { params: z.object({ n: z.coerce.number().int() }) },
      responses: {
        201: { description: "ok", content: { "application/json": { schema: z.object({ n: z.number() }) } } },
        ...orderErrors.responses("insufficient-stock", "odd"),
      },
    });
    app.openapi(order, (c) => {
      const n = c.req.valid("param").n;
      const result: Result<{ n: number }, OrderError> =
        n > 100
          ? err({ code: "insufficient-stock", message: "Not enough flour.", shortages: ["flour"] })
          : n % 2 === 1
            ? err({ code: "odd", message: "Odd numbers are refused." })
            : ok({ n });
      if (!result.ok) return orderErrors.problem(c, result.error);
      return c.json(result.value, 201);
    });

    app.get("/api/v1/me", (c) => {
      setRequestActor({ userId: "user-1", organizationId: "org-1", role: "owner", sessionId: "s-1" });
      return c.json({ ok: true });
    });
    app.get("/api/v1/log-inside", (c) => {
      logger(c).info(
        { password: "hunter2", nested: { refreshToken: "rt", deeper: { authorization: "Bearer x" } } },
        "inside",
      );
      return c.json({ ok: true });
    });
    app.get("/api/v1/boom", () => {
      throw new Error('relation "auth.users" does not exist: SELECT * FROM auth.users');
    });
    app.get("/api/v1/db-down", () => {
      throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    });
    app.get("/api/v1/duplicate", () => {
      throw Object.assign(new Error("duplicate key value violates unique constraint"), {
        code: "23505",
        constraint: "products_sku_key",
      });
    });
    app.get("/api/v1/slow", async (c) => {
      this.enteredSlow();
      await new Promise<void>((resolve) => {
        this.release = resolve;
      });
      return c.json({ finished: true });
    });
  }
}

const loggerToken = token<Logger>("test.logger");
function logger(c: { var: { scope: Resolver } }): Logger {
  return c.var.scope.resolve(loggerToken);
}

export interface TestApp {
  readonly app: OpenAPIHono<AppEnv>;
  readonly logs: LogCapture;
  readonly metrics: MetricsRegistry;
  readonly readiness: ReadinessState;
  readonly controller: TestController;
  readonly scopes: { disposed: number };
  readonly config: Config;
}

export function createTestApp(
  options: { env?: Record<string, string>; healthChecks?: HealthCheck[]; readinessTimeoutMs?: number } = {},
): TestApp {
  const config = testConfig({ LOG_LEVEL: "info", ...options.env });
  const logs = new LogCapture();
  const log = createLogger(config, logs);
  const metrics = new MetricsRegistry();
  const readiness = new ReadinessState();
  const scopes = { disposed: 0 };
  const container = Container.create()
    .value(loggerToken, log)
    .scoped(
      scopedProbe,
      () => ({ disposed: false }),
      (probe) => {
        probe.disposed = true;
        scopes.disposed += 1;
      },
    );
  const controller = new TestController();
  const app = createHttpApp({
    config,
    logger: log,
    metrics,
    container,
    controllers: [controller],
    healthChecks: options.healthChecks ?? [],
    readiness,
    readinessTimeoutMs: options.readinessTimeoutMs ?? 1000,
  });
  return { app, logs, metrics, readiness, controller, scopes, config };
}
