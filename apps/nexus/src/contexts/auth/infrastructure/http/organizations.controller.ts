import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import { PageQuerySchema, pageRequest } from "@/shared/infrastructure/http/common.schemas";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { jsonBody, jsonResponse } from "@/shared/infrastructure/http/route-parts";
import { CreateOrganizationUseCase } from "../../application/use-cases/create-organization.use-case";
import { ListMyOrganizationsUseCase } from "../../application/use-cases/list-my-organizations.use-case";
import { UpdateOrganizationUseCase } from "../../application/use-cases/update-organization.use-case";
import { BEARER_AUTH } from "../../contracts/auth-guard";
import { AuthTokens as T } from "../auth.tokens";
import { organizationJson } from "./auth.json";
import { authErrors } from "./auth.problems";
import { actorOf, type HonoGuard } from "./auth-request";
import { OrganizationSchema } from "./common.schemas";
import { OrganizationIdParam } from "./members.schemas";
import { inOrganizationPath } from "./organization-path";
import { CreateOrganizationBody, OrganizationPage, UpdateOrganizationBody } from "./organizations.schemas";

const create = createRoute({
  method: "post",
  path: "/api/v1/organizations",
  operationId: "createOrganization",
  tags: ["organizations"],
  summary: "Create an organization; the caller becomes its owner",
  description: "The session keeps acting where it was: `POST /auth/switch-organization` to act in the new one.",
  security: BEARER_AUTH,
  request: jsonBody(CreateOrganizationBody),
  responses: {
    201: jsonResponse(OrganizationSchema, "Created"),
    ...authErrors.responses("malformed-json", "unauthenticated", "validation-failed"),
  },
});

const list = createRoute({
  method: "get",
  path: "/api/v1/organizations",
  operationId: "listMyOrganizations",
  tags: ["organizations"],
  summary: "The caller's organizations with the caller's role in each, oldest membership first",
  security: BEARER_AUTH,
  request: { query: PageQuerySchema },
  responses: {
    200: jsonResponse(OrganizationPage, "A page of the caller's organizations"),
    ...authErrors.responses("unauthenticated", "validation-failed", "invalid-cursor"),
  },
});

const update = createRoute({
  method: "patch",
  path: "/api/v1/organizations/{id}",
  operationId: "updateOrganization",
  tags: ["organizations"],
  summary: "Rename an organization or change its timezone (owner)",
  description: "The currency is fixed at creation. A change publishes `auth.organization.updated.v1`.",
  security: BEARER_AUTH,
  request: { params: OrganizationIdParam, ...jsonBody(UpdateOrganizationBody) },
  responses: {
    200: jsonResponse(OrganizationSchema, "The organization as it is now"),
    ...authErrors.responses("malformed-json", "unauthenticated", "forbidden", "not-found", "validation-failed"),
  },
});

/** Organizations (tenants) as their members see them. */
export class OrganizationsController implements Controller {
  constructor(private readonly guard: HonoGuard) {}

  register(app: OpenAPIHono<AppEnv>): void {
    const { guard } = this;
    const authenticated = { middleware: [guard.authenticate()] };

    app.openapi({ ...create, ...authenticated }, async (c) => {
      const result = await c.var.scope
        .useCase(CreateOrganizationUseCase, T.Deps)
        .execute({ actor: actorOf(guard, c), ...c.req.valid("json") });
      if (!result.ok) return authErrors.problem(c, result.error);
      const location = { Location: `/api/v1/organizations/${result.value.id}` };
      return c.json(organizationJson(result.value), 201, location);
    });

    app.openapi({ ...list, ...authenticated }, async (c) => {
      const result = await c.var.scope
        .useCase(ListMyOrganizationsUseCase, T.Deps)
        .execute({ actor: actorOf(guard, c), page: pageRequest(c.req.valid("query")) });
      if (!result.ok) return authErrors.problem(c, result.error);
      return c.json({ items: result.value.items.map(organizationJson), nextCursor: result.value.nextCursor }, 200);
    });

    app.openapi({ ...update, ...authenticated }, (c) =>
      inOrganizationPath(c, c.req.valid("param"), "organization", async ({ id: organizationId }) => {
        const result = await c.var.scope
          .useCase(UpdateOrganizationUseCase, T.Deps)
          .execute({ actor: actorOf(guard, c), organizationId, ...c.req.valid("json") });
        if (!result.ok) return authErrors.problem(c, result.error);
        return c.json(organizationJson(result.value), 200);
      }),
    );
  }
}
