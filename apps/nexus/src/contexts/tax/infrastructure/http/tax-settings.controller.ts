import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { BEARER_AUTH } from "@/contexts/auth/contracts/auth-guard";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { declareApiTags } from "@/shared/infrastructure/http/openapi.routes";
import { parsePathId } from "@/shared/infrastructure/http/path-id";
import { jsonBody, jsonResponse } from "@/shared/infrastructure/http/route-parts";
import { notFound } from "../../application/tax.errors";
import { CreateTaxRateUseCase } from "../../application/use-cases/create-tax-rate.use-case";
import { GetClassificationUseCase } from "../../application/use-cases/get-classification.use-case";
import { GetTaxSettingsUseCase } from "../../application/use-cases/get-tax-settings.use-case";
import { ListTaxRatesUseCase } from "../../application/use-cases/list-tax-rates.use-case";
import { PutClassificationUseCase } from "../../application/use-cases/put-classification.use-case";
import { PutTaxSettingsUseCase } from "../../application/use-cases/put-tax-settings.use-case";
import { TaxTokens as T } from "../tax.tokens";
import { classificationJson, rateJson } from "./tax.json";
import { taxErrors } from "./tax.problems";
import {
  ClassificationBody,
  ClassificationSchema,
  CreateRateBody,
  FiscalIdentitySchema,
  ProductIdParam,
  RateListQuery,
  RatePage,
  RateSchema,
} from "./tax.schemas";
import { type HonoGuard, INVALID_CURSOR, RateCursor, TAX_API_TAG, taxActor } from "./tax-request";

const tags = ["tax"];

const putSettings = createRoute({
  operationId: "putTaxSettings",
  method: "put",
  path: "/api/v1/tax/settings",
  tags,
  summary: "Set the organization's fiscal identity (the seller on its documents)",
  security: BEARER_AUTH,
  request: jsonBody(FiscalIdentitySchema),
  responses: {
    200: jsonResponse(FiscalIdentitySchema, "The fiscal identity as stored"),
    ...taxErrors.responses("malformed-json", "unauthenticated", "forbidden", "validation-failed"),
  },
});

const getSettings = createRoute({
  operationId: "getTaxSettings",
  method: "get",
  path: "/api/v1/tax/settings",
  tags,
  summary: "The organization's fiscal identity",
  security: BEARER_AUTH,
  responses: {
    200: jsonResponse(FiscalIdentitySchema, "The fiscal identity"),
    ...taxErrors.responses("unauthenticated", "forbidden", "not-found"),
  },
});

const createRate = createRoute({
  operationId: "createTaxRate",
  method: "post",
  path: "/api/v1/tax/rates",
  tags,
  summary: "Add a rate of a tax code for a period",
  description: "Periods of one code never overlap (bounds inclusive); 409 `rate-period-overlap` otherwise.",
  security: BEARER_AUTH,
  request: jsonBody(CreateRateBody),
  responses: {
    201: jsonResponse(RateSchema, "Created"),
    ...taxErrors.responses(
      "malformed-json",
      "unauthenticated",
      "forbidden",
      "validation-failed",
      "rate-period-overlap",
    ),
  },
});

const listRates = createRoute({
  operationId: "listTaxRates",
  method: "get",
  path: "/api/v1/tax/rates",
  tags,
  summary: "The organization's rates, by code and start date (cursor)",
  security: BEARER_AUTH,
  request: { query: RateListQuery },
  responses: {
    200: jsonResponse(RatePage, "A page of rates"),
    ...taxErrors.responses("unauthenticated", "forbidden", "validation-failed", "invalid-cursor"),
  },
});

const putClassification = createRoute({
  operationId: "putTaxClassification",
  method: "put",
  path: "/api/v1/tax/classifications/{productId}",
  tags,
  summary: "Set a product's tax codes",
  description: "The product must exist in production (404 otherwise).",
  security: BEARER_AUTH,
  request: { params: ProductIdParam, ...jsonBody(ClassificationBody) },
  responses: {
    200: jsonResponse(ClassificationSchema, "The classification as stored"),
    ...taxErrors.responses("malformed-json", "unauthenticated", "forbidden", "not-found", "validation-failed"),
  },
});

const getClassification = createRoute({
  operationId: "getTaxClassification",
  method: "get",
  path: "/api/v1/tax/classifications/{productId}",
  tags,
  summary: "A product's tax codes",
  security: BEARER_AUTH,
  request: { params: ProductIdParam },
  responses: {
    200: jsonResponse(ClassificationSchema, "The classification"),
    ...taxErrors.responses("unauthenticated", "forbidden", "not-found"),
  },
});

/** Fiscal identity, rates and product classification: the configuration invoices are priced with. */
export class TaxSettingsController implements Controller {
  constructor(private readonly guard: HonoGuard) {}

  register(app: OpenAPIHono<AppEnv>): void {
    declareApiTags(app, [TAX_API_TAG]);
    const { guard } = this;
    const read = { middleware: [guard.requirePermission("tax:read")] };
    const write = { middleware: [guard.requirePermission("tax:write")] };

    app.openapi({ ...putSettings, ...write }, async (c) => {
      const result = await c.var.scope
        .useCase(PutTaxSettingsUseCase, T.Deps)
        .execute({ actor: taxActor(guard, c), identity: c.req.valid("json") });
      if (!result.ok) return taxErrors.problem(c, result.error);
      return c.json(result.value, 200);
    });

    app.openapi({ ...getSettings, ...read }, async (c) => {
      const result = await c.var.scope.useCase(GetTaxSettingsUseCase, T.Deps).execute({ actor: taxActor(guard, c) });
      if (!result.ok) return taxErrors.problem(c, result.error);
      return c.json(result.value, 200);
    });

    app.openapi({ ...createRate, ...write }, async (c) => {
      const result = await c.var.scope
        .useCase(CreateTaxRateUseCase, T.Deps)
        .execute({ actor: taxActor(guard, c), ...c.req.valid("json") });
      if (!result.ok) return taxErrors.problem(c, result.error);
      return c.json(rateJson(result.value), 201, { Location: `/api/v1/tax/rates/${result.value.id}` });
    });

    app.openapi({ ...listRates, ...read }, async (c) => {
      const { limit, cursor, code } = c.req.valid("query");
      const after = cursor === undefined ? null : RateCursor.decode(cursor);
      if (cursor !== undefined && !after) return taxErrors.problem(c, INVALID_CURSOR);
      const result = await c.var.scope
        .useCase(ListTaxRatesUseCase, T.Deps)
        .execute({ actor: taxActor(guard, c), ...(code === undefined ? {} : { code }), page: { limit, after } });
      if (!result.ok) return taxErrors.problem(c, result.error);
      const { items, next } = result.value;
      return c.json({ items: items.map(rateJson), nextCursor: RateCursor.encode(next) }, 200);
    });

    app.openapi({ ...putClassification, ...write }, async (c) => {
      const productId = parsePathId(c.req.valid("param").productId);
      if (!productId) return taxErrors.problem(c, notFound("product"));
      const result = await c.var.scope
        .useCase(PutClassificationUseCase, T.Deps)
        .execute({ actor: taxActor(guard, c), productId, taxCodes: c.req.valid("json").taxCodes });
      if (!result.ok) return taxErrors.problem(c, result.error);
      return c.json(classificationJson(result.value), 200);
    });

    app.openapi({ ...getClassification, ...read }, async (c) => {
      const productId = parsePathId(c.req.valid("param").productId);
      if (!productId) return taxErrors.problem(c, notFound("classification"));
      const result = await c.var.scope
        .useCase(GetClassificationUseCase, T.Deps)
        .execute({ actor: taxActor(guard, c), productId });
      if (!result.ok) return taxErrors.problem(c, result.error);
      return c.json(classificationJson(result.value), 200);
    });
  }
}
