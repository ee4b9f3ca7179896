import type { OpenAPIHono } from "@hono/zod-openapi";
import { registerApiDocsRoutes } from "./api-docs.routes";
import type { AppEnv } from "./app-env";

/** A section of the API reference; every tag a route uses must be declared (the contract lint checks). */
export interface ApiTag {
  readonly name: string;
  readonly description: string;
}

const declaredTags = new WeakMap<object, Map<string, ApiTag>>();

/** Declares the tags a controller's routes use; call it from `Controller.register`. */
export function declareApiTags(app: OpenAPIHono<AppEnv>, tags: readonly ApiTag[]): void {
  const known = declaredTags.get(app) ?? new Map<string, ApiTag>();
  for (const tag of tags) known.set(tag.name, tag);
  declaredTags.set(app, known);
}

/**
 * `/openapi.json` (OpenAPI 3.1, generated from the routes' Zod schemas) and `/docs` (Swagger UI, served
 * from our own dependencies). The
 * document is what client teams lint and generate SDKs from: `test/contract/` lints it with Redocly
 * (every operation has an `operationId`, explicit `security`, declared tags) and compiles a client.
 */
export function registerOpenApiRoutes(app: OpenAPIHono<AppEnv>, options: { publicBaseUrl: string }): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
  });
  // A function, so tags declared by controllers registered after this route are included.
  app.doc31("/openapi.json", () => ({
    openapi: "3.1.0",
    info: {
      title: "Nexus API",
      version: "1.0.0",
      description: "Operations platform for food producers. Errors are RFC 9457 problem details.",
    },
    servers: [{ url: options.publicBaseUrl, description: "This deployment (PUBLIC_BASE_URL)" }],
    tags: [...(declaredTags.get(app)?.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
  }));
  registerApiDocsRoutes(app);
}
