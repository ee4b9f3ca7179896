import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import { PageQuerySchema, pageRequest } from "@/shared/infrastructure/http/common.schemas";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { declareApiTags } from "@/shared/infrastructure/http/openapi.routes";
import { parsePathId } from "@/shared/infrastructure/http/path-id";
import { jsonBody, jsonResponse } from "@/shared/infrastructure/http/route-parts";
import { notFound } from "../../application/production.errors";
import { ProductionTokens as T } from "../production.tokens";
import { productionErrors as errors } from "./production.problems";
import {
  CreateIngredientBody,
  CreateProductBody,
  CurrentRecipeSchema,
  IdParam,
  IngredientPage,
  IngredientSchema,
  ProductPage,
  ProductSchema,
  RecipeBody,
  RecipePage,
  UpdateIngredientBody,
  UpdateProductBody,
} from "./production.schemas";
import { type HonoGuard, organizationOf } from "./production-request";
import { base } from "./route-parts";

const CREATE_ERRORS = errors.responses(
  "malformed-json",
  "unauthenticated",
  "forbidden",
  "sku-taken",
  "validation-failed",
);
const WRITE_ERRORS = errors.responses(
  "malformed-json",
  "unauthenticated",
  "forbidden",
  "not-found",
  "sku-taken",
  "validation-failed",
);
const RECIPE_ERRORS = errors.responses(
  "malformed-json",
  "unauthenticated",
  "forbidden",
  "not-found",
  "validation-failed",
);
const LIST_ERRORS = errors.responses("unauthenticated", "forbidden", "invalid-cursor", "validation-failed");
const READ_ERRORS = errors.responses("unauthenticated", "forbidden", "not-found");

const createIngredient = createRoute({
  ...base("createIngredient"),
  method: "post",
  path: "/api/v1/production/ingredients",
  summary: "Create an ingredient (operator and up)",
  request: jsonBody(CreateIngredientBody),
  responses: { 201: jsonResponse(IngredientSchema, "Created"), ...CREATE_ERRORS },
});
const listIngredients = createRoute({
  ...base("listIngredients"),
  method: "get",
  path: "/api/v1/production/ingredients",
  summary: "The organization's ingredients (cursor)",
  request: { query: PageQuerySchema },
  responses: { 200: jsonResponse(IngredientPage, "A page"), ...LIST_ERRORS },
});
const getIngredient = createRoute({
  ...base("getIngredient"),
  method: "get",
  path: "/api/v1/production/ingredients/{id}",
  summary: "One ingredient",
  request: { params: IdParam },
  responses: { 200: jsonResponse(IngredientSchema, "The ingredient"), ...READ_ERRORS },
});
const updateIngredient = createRoute({
  ...base("updateIngredient"),
  method: "patch",
  path: "/api/v1/production/ingredients/{id}",
  summary: "Update an ingredient (the unit is fixed once it has lots)",
  request: { params: IdParam, ...jsonBody(UpdateIngredientBody) },
  responses: { 200: jsonResponse(IngredientSchema, "Updated"), ...WRITE_ERRORS },
});
const createProduct = createRoute({
  ...base("createProduct"),
  method: "post",
  path: "/api/v1/production/products",
  summary: "Create a product (SKU unique per organization)",
  request: jsonBody(CreateProductBody),
  responses: { 201: jsonResponse(ProductSchema, "Created"), ...CREATE_ERRORS },
});
const listProducts = createRoute({
  ...base("listProducts"),
  method: "get",
  path: "/api/v1/production/products",
  summary: "The organization's products with their derived allergens (cursor)",
  request: { query: PageQuerySchema },
  responses: { 200: jsonResponse(ProductPage, "A page"), ...LIST_ERRORS },
});
const getProduct = createRoute({
  ...base("getProduct"),
  method: "get",
  path: "/api/v1/production/products/{id}",
  summary: "One product with its derived allergens",
  request: { params: IdParam },
  responses: { 200: jsonResponse(ProductSchema, "The product"), ...READ_ERRORS },
});
const updateProduct = createRoute({
  ...base("updateProduct"),
  method: "patch",
  path: "/api/v1/production/products/{id}",
  summary: "Update a product",
  request: { params: IdParam, ...jsonBody(UpdateProductBody) },
  responses: { 200: jsonResponse(ProductSchema, "Updated"), ...WRITE_ERRORS },
});
const putRecipe = createRoute({
  ...base("defineRecipe"),
  method: "put",
  path: "/api/v1/production/products/{id}/recipe",
  summary: "Define the product's recipe: always a new version",
  request: { params: IdParam, ...jsonBody(RecipeBody) },
  responses: { 200: jsonResponse(CurrentRecipeSchema, "The new current version"), ...RECIPE_ERRORS },
});
const getRecipe = createRoute({
  ...base("getRecipe"),
  method: "get",
  path: "/api/v1/production/products/{id}/recipe",
  summary: "The current recipe version and the allergens it gives the product",
  request: { params: IdParam },
  responses: { 200: jsonResponse(CurrentRecipeSchema, "The current version"), ...READ_ERRORS },
});
const recipeVersions = createRoute({
  ...base("listRecipeVersions"),
  method: "get",
  path: "/api/v1/production/products/{id}/recipe/versions",
  summary: "The versions of the product's recipe, oldest first (cursor)",
  request: { params: IdParam, query: PageQuerySchema },
  responses: { 200: jsonResponse(RecipePage, "A page of versions"), ...LIST_ERRORS, ...READ_ERRORS },
});

/** Ingredients, products and recipes (spec §5). */
export class CatalogController implements Controller {
  constructor(private readonly guard: HonoGuard) {}

  register(app: OpenAPIHono<AppEnv>): void {
    const { guard } = this;
    declareApiTags(app, [
      { name: "production", description: "Ingredients, products, recipes, lots, the stock ledger, orders, recall" },
    ]);
    const readers = { middleware: [guard.requirePermission("production:read")] };
    const writers = { middleware: [guard.requirePermission("production:write")] };

    app.openapi({ ...createIngredient, ...writers }, async (c) => {
      const result = await c.var.scope
        .resolve(T.ManageIngredients)
        .create(organizationOf(guard, c), c.req.valid("json"));
      if (!result.ok) return errors.problem(c, result.error);
      return c.json(result.value, 201, { Location: `/api/v1/production/ingredients/${result.value.id}` });
    });
    app.openapi({ ...listIngredients, ...readers }, async (c) => {
      const result = await c.var.scope
        .resolve(T.Queries)
        .listIngredients(organizationOf(guard, c), pageRequest(c.req.valid("query")));
      if (!result.ok) return errors.problem(c, result.error);
      return c.json(result.value, 200);
    });
    app.openapi({ ...getIngredient, ...readers }, async (c) => {
      const id = parsePathId(c.req.valid("param").id);
      if (!id) return errors.problem(c, notFound("ingredient"));
      const result = await c.var.scope.resolve(T.Queries).getIngredient(organizationOf(guard, c), id);
      if (!result.ok) return errors.problem(c, result.error);
      return c.json(result.value, 200);
    });
    app.openapi({ ...updateIngredient, ...writers }, async (c) => {
      const id = parsePathId(c.req.valid("param").id);
      if (!id) return errors.problem(c, notFound("ingredient"));
      const result = await c.var.scope
        .resolve(T.ManageIngredients)
        .update(organizationOf(guard, c), id, c.req.valid("json"));
      if (!result.ok) return errors.problem(c, result.error);
      return c.json(result.value, 200);
    });

    app.openapi({ ...createProduct, ...writers }, async (c) => {
      const result = await c.var.scope.resolve(T.ManageProducts).create(organizationOf(guard, c), c.req.valid("json"));
      if (!result.ok) return errors.problem(c, result.error);
      return c.json(result.value, 201, { Location: `/api/v1/production/products/${result.value.id}` });
    });
    app.openapi({ ...listProducts, ...readers }, async (c) => {
      const result = await c.var.scope
        .resolve(T.Queries)
        .listProducts(organizationOf(guard, c), pageRequest(c.req.valid("query")));
      if (!result.ok) return errors.problem(c, result.error);
      return c.json(result.value, 200);
    });
    app.openapi({ ...getProduct, ...readers }, async (c) => {
      const id = parsePathId(c.req.valid("param").id);
      if (!id) return errors.problem(c, notFound("product"));
      const result = await c.var.scope.resolve(T.Queries).getProduct(organizationOf(guard, c), id);
      if (!result.ok) return errors.problem(c, result.error);
      return c.json(result.value, 200);
    });
    app.openapi({ ...updateProduct, ...writers }, async (c) => {
      const id = parsePathId(c.req.valid("param").id);
      if (!id) return errors.problem(c, notFound("product"));
      const result = await c.var.scope
        .resolve(T.ManageProducts)
        .update(organizationOf(guard, c), id, c.req.valid("json"));
      if (!result.ok) return errors.problem(c, result.error);
      return c.json(result.value, 200);
    });

    app.openapi({ ...putRecipe, ...writers }, async (c) => {
      const productId = parsePathId(c.req.valid("param").id);
      if (!productId) return errors.problem(c, notFound("product"));
      const result = await c.var.scope
        .resolve(T.DefineRecipe)
        .execute({ organizationId: organizationOf(guard, c), productId, ...c.req.valid("json") });
      if (!result.ok) return errors.problem(c, result.error);
      return c.json(result.value, 200);
    });
    app.openapi({ ...getRecipe, ...readers }, async (c) => {
      const productId = parsePathId(c.req.valid("param").id);
      if (!productId) return errors.problem(c, notFound("recipe"));
      const result = await c.var.scope.resolve(T.Queries).currentRecipe(organizationOf(guard, c), productId);
      if (!result.ok) return errors.problem(c, result.error);
      return c.json(result.value, 200);
    });
    app.openapi({ ...recipeVersions, ...readers }, async (c) => {
      const productId = parsePathId(c.req.valid("param").id);
      if (!productId) return errors.problem(c, notFound("product"));
      const result = await c.var.scope
        .resolve(T.Queries)
        .recipeVersions(organizationOf(guard, c), productId, pageRequest(c.req.valid("query")));
      if (!result.ok) return errors.problem(c, result.error);
      return c.json(result.value, 200);
    });
  }
}
