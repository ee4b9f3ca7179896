import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { problemResponses } from "@/shared/infrastructure/http/problem.schema";
import { notFound } from "../../application/production.errors";
import { ProductionTokens as T } from "../production.tokens";
import { productionProblem } from "./production.problems";
import { CompleteOrderBody, IdParam, OrderBody, OrderPage, OrderSchema, OrdersQuery } from "./production.schemas";
import { type HonoGuard, organizationOf, pageOf, pathId } from "./production-request";
import { base, IDEMPOTENCY_HEADER, jsonBody, jsonResponse } from "./route-parts";

const TRANSITION_ERRORS = problemResponses(401, 403, 404, 409);

const plan = createRoute({
  ...base("planProductionOrder"),
  method: "post",
  path: "/api/v1/production/orders",
  summary: "Plan an order, pinned to the product's current recipe version (Idempotency-Key)",
  request: { ...jsonBody(OrderBody), headers: IDEMPOTENCY_HEADER },
  responses: { 201: jsonResponse(OrderSchema, "Planned"), ...problemResponses(400, 401, 403, 404, 409, 422) },
});
const list = createRoute({
  ...base("listProductionOrders"),
  method: "get",
  path: "/api/v1/production/orders",
  summary: "Orders, newest first (cursor)",
  request: { query: OrdersQuery },
  responses: { 200: jsonResponse(OrderPage, "A page of orders"), ...problemResponses(401, 403, 422) },
});
const get = createRoute({
  ...base("getProductionOrder"),
  method: "get",
  path: "/api/v1/production/orders/{id}",
  summary: "One order",
  request: { params: IdParam },
  responses: { 200: jsonResponse(OrderSchema, "The order"), ...problemResponses(401, 403, 404) },
});
const start = createRoute({
  ...base("startProductionOrder"),
  method: "post",
  path: "/api/v1/production/orders/{id}/start",
  summary: "planned → in_progress",
  request: { params: IdParam },
  responses: { 200: jsonResponse(OrderSchema, "Started"), ...TRANSITION_ERRORS },
});
const complete = createRoute({
  ...base("completeProductionOrder"),
  method: "post",
  path: "/api/v1/production/orders/{id}/complete",
  summary: "in_progress → completed: consumes the recipe FEFO, creates the product lot at exact cost",
  description: "Any ingredient short → 409 `insufficient-stock` listing every shortage; nothing changes.",
  request: { params: IdParam, ...jsonBody(CompleteOrderBody) },
  responses: { 200: jsonResponse(OrderSchema, "Completed"), ...problemResponses(400, 401, 403, 404, 409, 422) },
});
const cancel = createRoute({
  ...base("cancelProductionOrder"),
  method: "post",
  path: "/api/v1/production/orders/{id}/cancel",
  summary: "planned or in_progress → cancelled",
  request: { params: IdParam },
  responses: { 200: jsonResponse(OrderSchema, "Cancelled"), ...TRANSITION_ERRORS },
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
      const result = await c.var.scope
        .resolve(T.PlanOrder)
        .execute({ organizationId: organizationOf(guard, c), productId: productId.toLowerCase() as Uuid, ...body });
      if (!result.ok) return productionProblem(c, result.error);
      return c.json(result.value, 201, { Location: `/api/v1/production/orders/${result.value.id}` });
    });
    app.openapi({ ...list, ...readers }, async (c) => {
      const { status, ...page } = c.req.valid("query");
      const result = await c.var.scope
        .resolve(T.Queries)
        .listOrders(organizationOf(guard, c), status ?? null, pageOf(page));
      if (!result.ok) return productionProblem(c, result.error);
      return c.json(result.value, 200);
    });
    app.openapi({ ...get, ...readers }, async (c) => {
      const id = pathId(c.req.valid("param").id);
      if (!id) return productionProblem(c, notFound("production order"));
      const result = await c.var.scope.resolve(T.Queries).getOrder(organizationOf(guard, c), id);
      if (!result.ok) return productionProblem(c, result.error);
      return c.json(result.value, 200);
    });
    for (const [route, verb] of [
      [start, "start"],
      [cancel, "cancel"],
    ] as const) {
      app.openapi({ ...route, ...writers }, async (c) => {
        const id = pathId(c.req.valid("param").id);
        if (!id) return productionProblem(c, notFound("production order"));
        const result = await c.var.scope.resolve(T.ChangeOrderStatus)[verb](organizationOf(guard, c), id);
        if (!result.ok) return productionProblem(c, result.error);
        return c.json(result.value, 200);
      });
    }
    app.openapi({ ...complete, ...writers }, async (c) => {
      const orderId = pathId(c.req.valid("param").id);
      if (!orderId) return productionProblem(c, notFound("production order"));
      const result = await c.var.scope
        .resolve(T.CompleteOrder)
        .execute({ organizationId: organizationOf(guard, c), orderId, ...c.req.valid("json") });
      if (!result.ok) return productionProblem(c, result.error);
      return c.json(result.value, 200);
    });
  }
}
