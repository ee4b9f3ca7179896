import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import { pageRequest } from "@/shared/infrastructure/http/common.schemas";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { parsePathId, toUuid } from "@/shared/infrastructure/http/path-id";
import { jsonBody, jsonResponse } from "@/shared/infrastructure/http/route-parts";
import { idempotencyRequest } from "@/shared/infrastructure/idempotency/idempotency-request";
import { notFound } from "../../application/production.errors";
import { ProductionTokens as T } from "../production.tokens";
import { productionErrors as errors } from "./production.problems";
import { CompleteOrderBody, IdParam, OrderBody, OrderPage, OrderSchema, OrdersQuery } from "./production.schemas";
import { type HonoGuard, organizationOf } from "./production-request";
import { base, IDEMPOTENCY_HEADER } from "./route-parts";

/** start and cancel: the same shape, only the move differs. */
const transition = (verb: "start" | "cancel", summary: string, outcome: string) =>
  createRoute({
    ...base(`${verb}ProductionOrder`),
    method: "post",
    path: `/api/v1/production/orders/{id}/${verb}`,
    summary,
    request: { params: IdParam },
    responses: {
      200: jsonResponse(OrderSchema, outcome),
      ...errors.responses("unauthenticated", "forbidden", "not-found", "illegal-transition"),
    },
  });

const plan = createRoute({
  ...base("planProductionOrder"),
  method: "post",
  path: "/api/v1/production/orders",
  summary: "Plan an order, pinned to the product's current recipe version (Idempotency-Key)",
  request: { ...jsonBody(OrderBody), headers: IDEMPOTENCY_HEADER },
  responses: {
    201: jsonResponse(OrderSchema, "Planned"),
    ...errors.responses(
      "malformed-json",
      "unauthenticated",
      "forbidden",
      "not-found",
      "no-recipe",
      "validation-failed",
      "idempotency-key-reused",
    ),
  },
});
const list = createRoute({
  ...base("listProductionOrders"),
  method: "get",
  path: "/api/v1/production/orders",
  summary: "Orders, newest first (cursor)",
  request: { query: OrdersQuery },
  responses: {
    200: jsonResponse(OrderPage, "A page of orders"),
    ...errors.responses("unauthenticated", "forbidden", "invalid-cursor", "validation-failed"),
  },
});
const get = createRoute({
  ...base("getProductionOrder"),
  method: "get",
  path: "/api/v1/production/orders/{id}",
  summary: "One order",
  request: { params: IdParam },
  responses: {
    200: jsonResponse(OrderSchema, "The order"),
    ...errors.responses("unauthenticated", "forbidden", "not-found"),
  },
});
const start = transition("start", "planned → in_progress", "Started");
const cancel = transition("cancel", "planned or in_progress → cancelled", "Cancelled");
const complete = createRoute({
  ...base("completeProductionOrder"),
  method: "post",
  path: "/api/v1/production/orders/{id}/complete",
  summary: "in_progress → completed: consumes the recipe FEFO, creates the product lot at exact cost",
  description:
    "Any ingredient short → 409 `insufficient-stock` listing every shortage; nothing changes. Lots past " +
    "their expiry in the organization's time zone are skipped.",
  request: { params: IdParam, ...jsonBody(CompleteOrderBody) },
  responses: {
    200: jsonResponse(OrderSchema, "Completed"),
    ...errors.responses(
      "malformed-json",
      "unauthenticated",
      "forbidden",
      "not-found",
      "illegal-transition",
      "insufficient-stock",
      "validation-failed",
    ),
  },
});

/** Production orders and their state machine (spec §5). */
export class OrdersController implements Controller {
  constructor(
    private readonly guard: HonoGuard,
    private readonly idempotency: MiddlewareHandler,
  ) {}

  register(app: OpenAPIHono<AppEnv>): void {
    const { guard } = this;
    const readers = { middleware: [guard.requirePermission("production:read")] };
    const writers = { middleware: [guard.requirePermission("production:write")] };

    app.openapi({ ...plan, middleware: [guard.requirePermission("production:write"), this.idempotency] }, async (c) => {
      const { productId, ...body } = c.req.valid("json");
      const result = await c.var.scope.resolve(T.PlanOrder).execute({
        organizationId: organizationOf(guard, c),
        productId: toUuid(productId),
        request: await idempotencyRequest(c),
        ...body,
      });
      if (!result.ok) return errors.problem(c, result.error);
      return c.json(result.value, 201, { Location: `/api/v1/production/orders/${result.value.id}` });
    });
    app.openapi({ ...list, ...readers }, async (c) => {
      const { status, ...page } = c.req.valid("query");
      const result = await c.var.scope
        .resolve(T.Queries)
        .listOrders(organizationOf(guard, c), status ?? null, pageRequest(page));
      if (!result.ok) return errors.problem(c, result.error);
      return c.json(result.value, 200);
    });
    app.openapi({ ...get, ...readers }, async (c) => {
      const id = parsePathId(c.req.valid("param").id);
      if (!id) return errors.problem(c, notFound("production order"));
      const result = await c.var.scope.resolve(T.Queries).getOrder(organizationOf(guard, c), id);
      if (!result.ok) return errors.problem(c, result.error);
      return c.json(result.value, 200);
    });
    for (const [route, verb] of [
      [start, "start"],
      [cancel, "cancel"],
    ] as const) {
      app.openapi({ ...route, ...writers }, async (c) => {
        const id = parsePathId(c.req.valid("param").id);
        if (!id) return errors.problem(c, notFound("production order"));
        const result = await c.var.scope.resolve(T.ChangeOrderStatus)[verb](organizationOf(guard, c), id);
        if (!result.ok) return errors.problem(c, result.error);
        return c.json(result.value, 200);
      });
    }
    app.openapi({ ...complete, ...writers }, async (c) => {
      const orderId = parsePathId(c.req.valid("param").id);
      if (!orderId) return errors.problem(c, notFound("production order"));
      const result = await c.var.scope
        .resolve(T.CompleteOrder)
        .execute({ organizationId: organizationOf(guard, c), orderId, ...c.req.valid("json") });
      if (!result.ok) return errors.problem(c, result.error);
      return c.json(result.value, 200);
    });
  }
}
