import type { OpenAPIHono } from "@hono/zod-openapi";
import { Scalar } from "@scalar/hono-api-reference";
import type { AppEnv } from "./app-env";

/** `/openapi.json` (OpenAPI 3.1, generated from the routes' Zod schemas) and `/docs` (Scalar). */
export function registerOpenApiRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
  });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Nexus API",
      version: "1.0.0",
      description: "Operations platform for food producers. Errors are RFC 9457 problem details.",
    },
  });
  app.get("/docs", Scalar<AppEnv>({ url: "/openapi.json", pageTitle: "Nexus API" }));
}
