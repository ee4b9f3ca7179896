import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { map } from "@/shared/domain/result";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { problemResponses } from "@/shared/infrastructure/http/problem.schema";
import type { CreateOrganizationUseCase } from "../../application/use-cases/create-organization.use-case";
import type { ListMyOrganizationsUseCase } from "../../application/use-cases/list-my-organizations.use-case";
import { BEARER_AUTH } from "../../contracts/auth-guard";
import { actorOf, type HonoGuard, requestMeta, respondAuth } from "./auth-request";
import { OrganizationSchema } from "./common.schemas";
import { CreateOrganizationBody, OrganizationPage } from "./organizations.schemas";
import { jsonBody, jsonResponse } from "./route-parts";

export interface OrganizationsControllerDeps {
  readonly guard: HonoGuard;
  readonly createOrganization: CreateOrganizationUseCase;
  readonly listMyOrganizations: ListMyOrganizationsUseCase;
}

const create = createRoute({
  method: "post",
  path: "/api/v1/organizations",
  operationId: "createOrganization",
  tags: ["organizations"],
  summary: "Create an organization; the caller becomes its owner",
  description: "The session keeps acting where it was: `POST /auth/switch-organization` to act in the new one.",
  security: BEARER_AUTH,
  request: jsonBody(CreateOrganizationBody),
  responses: { 201: jsonResponse(OrganizationSchema, "Created"), ...problemResponses(400, 401, 422) },
});

const list = createRoute({
  method: "get",
  path: "/api/v1/organizations",
  operationId: "listMyOrganizations",
  tags: ["organizations"],
  summary: "The caller's organizations with the caller's role in each",
  security: BEARER_AUTH,
  responses: { 200: jsonResponse(OrganizationPage, "The caller's organizations"), ...problemResponses(401) },
});

/** Organizations (tenants) as their members see them. */
export class OrganizationsController implements Controller {
  constructor(private readonly deps: OrganizationsControllerDeps) {}

  register(app: OpenAPIHono<AppEnv>): void {
    const { guard } = this.deps;
    const authenticated = { middleware: [guard.authenticate()] };

    app.openapi({ ...create, ...authenticated }, async (c) => {
      const input = c.req.valid("json");
      const result = await this.deps.createOrganization.execute({
        actor: actorOf(guard, c),
        ...input,
        meta: requestMeta(),
      });
      const headers = result.ok ? { Location: `/api/v1/organizations/${result.value.id}` } : undefined;
      return respondAuth(c, result, { ok: 201, ...(headers ? { headers } : {}) });
    });

    app.openapi({ ...list, ...authenticated }, async (c) => {
      const result = await this.deps.listMyOrganizations.execute({ actor: actorOf(guard, c) });
      return respondAuth(
        c,
        map(result, ({ items }) => ({ items, nextCursor: null })),
        { ok: 200 },
      );
    });
  }
}
