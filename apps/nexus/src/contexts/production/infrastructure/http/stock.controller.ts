import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import { PageQuerySchema, pageRequest } from "@/shared/infrastructure/http/common.schemas";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { parsePathId, toUuid } from "@/shared/infrastructure/http/path-id";
import { jsonBody, jsonResponse } from "@/shared/infrastructure/http/route-parts";
import { idempotencyRequest } from "@/shared/infrastructure/idempotency/idempotency-request";
import { notFound } from "../../application/production.errors";
import { ProductionTokens as T } from "../production.tokens";
import { lotTraceCsv } from "./lot-trace.csv";
import { productionErrors as errors } from "./production.problems";
import {
  AdjustmentBody,
  IdParam,
  LotPage,
  LotSchema,
  LotsQuery,
  LotWithMovementSchema,
  MovementPage,
  MovementsQuery,
  ReceiptBody,
  StockPage,
} from "./production.schemas";
import { type HonoGuard, organizationOf } from "./production-request";
import { base, IDEMPOTENCY_HEADER } from "./route-parts";

const READ_ERRORS = errors.responses("unauthenticated", "forbidden", "invalid-cursor", "validation-failed");
const READ_ONE_ERRORS = errors.responses("unauthenticated", "forbidden", "not-found");

const receipt = createRoute({
  ...base("receiveStock"),
  method: "post",
  path: "/api/v1/production/stock/receipts",
  summary: "Receive an ingredient: creates a lot and its receipt movement (Idempotency-Key)",
  request: { ...jsonBody(ReceiptBody), headers: IDEMPOTENCY_HEADER },
  responses: {
    201: jsonResponse(LotWithMovementSchema, "The new lot"),
    ...errors.responses(
      "malformed-json",
      "unauthenticated",
      "forbidden",
      "not-found",
      "validation-failed",
      "conflict",
      "idempotency-key-reused",
    ),
  },
});
const adjustment = createRoute({
  ...base("adjustStock"),
  method: "post",
  path: "/api/v1/production/stock/adjustments",
  summary: "Correct one lot by a signed quantity (count, waste, damage, expired); never below zero (Idempotency-Key)",
  request: { ...jsonBody(AdjustmentBody), headers: IDEMPOTENCY_HEADER },
  responses: {
    201: jsonResponse(LotWithMovementSchema, "The adjusted lot"),
    ...errors.responses(
      "malformed-json",
      "unauthenticated",
      "forbidden",
      "not-found",
      "lot-below-zero",
      "validation-failed",
      "idempotency-key-reused",
    ),
  },
});
const stock = createRoute({
  ...base("listStock"),
  method: "get",
  path: "/api/v1/production/stock",
  summary: "Per item: on hand, value, average unit cost, below-reorder flag, nearest expiry, unallocated shortfall",
  request: { query: PageQuerySchema },
  responses: { 200: jsonResponse(StockPage, "A page of items"), ...READ_ERRORS },
});
const movements = createRoute({
  ...base("listStockMovements"),
  method: "get",
  path: "/api/v1/production/stock/movements",
  summary: "The append-only stock ledger with running balances (cursor)",
  request: { query: MovementsQuery },
  responses: { 200: jsonResponse(MovementPage, "A page of movements"), ...READ_ERRORS },
});
const lots = createRoute({
  ...base("listLots"),
  method: "get",
  path: "/api/v1/production/lots",
  summary: "Ingredient and product lots, by item, status and expiry (cursor)",
  request: { query: LotsQuery },
  responses: { 200: jsonResponse(LotPage, "A page of lots"), ...READ_ERRORS },
});
const lot = createRoute({
  ...base("getLot"),
  method: "get",
  path: "/api/v1/production/lots/{id}",
  summary: "One lot",
  request: { params: IdParam },
  responses: { 200: jsonResponse(LotSchema, "The lot"), ...READ_ONE_ERRORS },
});
const trace = createRoute({
  ...base("traceLot"),
  method: "get",
  path: "/api/v1/production/lots/{id}/trace",
  summary: "Recall in one request: orders, product lots, ingredient lots and invoices of a lot (audited)",
  description: "JSON by default; `Accept: text/csv` gives the same as a sortable spreadsheet.",
  request: { params: IdParam },
  responses: {
    200: {
      description: "The trace",
      content: {
        "application/json": { schema: z.object({}).passthrough().openapi("LotTrace") },
        "text/csv": { schema: z.string() },
      },
    },
    ...READ_ONE_ERRORS,
  },
});

/** Receipts, adjustments, stock levels, the ledger, lots and their trace (spec §5). */
export class StockController implements Controller {
  constructor(
    private readonly guard: HonoGuard,
    private readonly idempotency: MiddlewareHandler,
  ) {}

  register(app: OpenAPIHono<AppEnv>): void {
    const { guard } = this;
    const readers = { middleware: [guard.requirePermission("production:read")] };
    const idempotentWriters = { middleware: [guard.requirePermission("production:write"), this.idempotency] };

    app.openapi({ ...receipt, ...idempotentWriters }, async (c) => {
      const { ingredientId, ...body } = c.req.valid("json");
      const result = await c.var.scope.resolve(T.ReceiveStock).execute({
        organizationId: organizationOf(guard, c),
        ingredientId: toUuid(ingredientId),
        request: await idempotencyRequest(c),
        ...body,
      });
      if (!result.ok) return errors.problem(c, result.error);
      return c.json(result.value, 201, { Location: `/api/v1/production/lots/${result.value.lot.id}` });
    });
    app.openapi({ ...adjustment, ...idempotentWriters }, async (c) => {
      const { lotId, ...body } = c.req.valid("json");
      const result = await c.var.scope.resolve(T.AdjustStock).execute({
        organizationId: organizationOf(guard, c),
        lotId: toUuid(lotId),
        request: await idempotencyRequest(c),
        ...body,
      });
      if (!result.ok) return errors.problem(c, result.error);
      return c.json(result.value, 201);
    });
    app.openapi({ ...stock, ...readers }, async (c) => {
      const result = await c.var.scope
        .resolve(T.Queries)
        .stock(organizationOf(guard, c), pageRequest(c.req.valid("query")));
      if (!result.ok) return errors.problem(c, result.error);
      return c.json(result.value, 200);
    });
    app.openapi({ ...movements, ...readers }, async (c) => {
      const { itemId, from, to, ...page } = c.req.valid("query");
      const query = { itemId: itemId === undefined ? undefined : toUuid(itemId), from, to };
      const result = await c.var.scope.resolve(T.Queries).movements(organizationOf(guard, c), query, pageRequest(page));
      if (!result.ok) return errors.problem(c, result.error);
      return c.json(result.value, 200);
    });
    app.openapi({ ...lots, ...readers }, async (c) => {
      const { itemId, status, expiringBefore, ...page } = c.req.valid("query");
      const query = { itemId: itemId === undefined ? undefined : toUuid(itemId), status, expiringBefore };
      const result = await c.var.scope.resolve(T.Queries).listLots(organizationOf(guard, c), query, pageRequest(page));
      if (!result.ok) return errors.problem(c, result.error);
      return c.json(result.value, 200);
    });
    app.openapi({ ...lot, ...readers }, async (c) => {
      const id = parsePathId(c.req.valid("param").id);
      if (!id) return errors.problem(c, notFound("lot"));
      const result = await c.var.scope.resolve(T.Queries).getLot(organizationOf(guard, c), id);
      if (!result.ok) return errors.problem(c, result.error);
      return c.json(result.value, 200);
    });
    app.openapi({ ...trace, ...readers }, async (c) => {
      const id = parsePathId(c.req.valid("param").id);
      if (!id) return errors.problem(c, notFound("lot"));
      const csv = (c.req.header("accept") ?? "").toLowerCase().includes("text/csv");
      const result = await c.var.scope.resolve(T.TraceLot).execute(organizationOf(guard, c), id, csv ? "csv" : "json");
      if (!result.ok) return errors.problem(c, result.error);
      if (!csv) return c.json(result.value as never, 200);
      const filename = `lot-${result.value.lot.code.replace(/[^A-Za-z0-9._-]/g, "_")}-trace.csv`;
      return new Response(lotTraceCsv(result.value), {
        status: 200,
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="${filename}"`,
          "cache-control": "no-store",
        },
      }) as never;
    });
  }
}
