import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import { PageQuerySchema, pageRequest } from "@/shared/infrastructure/http/common.schemas";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { jsonResponse, noContent } from "@/shared/infrastructure/http/route-parts";
import { ListOrganizationInvitationsUseCase } from "../../application/use-cases/list-organization-invitations.use-case";
import { RevokeInvitationUseCase } from "../../application/use-cases/revoke-invitation.use-case";
import { BEARER_AUTH } from "../../contracts/auth-guard";
import { AuthTokens as T } from "../auth.tokens";
import { organizationInvitationJson } from "./auth.json";
import { authErrors } from "./auth.problems";
import { actorOf, type HonoGuard } from "./auth-request";
import { OrganizationInvitationPage, OrganizationInvitationParams } from "./invitations.schemas";
import { OrganizationIdParam } from "./members.schemas";
import { inOrganizationPath } from "./organization-path";

const list = createRoute({
  method: "get",
  path: "/api/v1/organizations/{id}/invitations",
  operationId: "listOrganizationInvitations",
  tags: ["members"],
  summary: "Pending invitations of an organization (owner, admin)",
  description:
    "Unexpired invitations nobody accepted, revoked or replaced, oldest first. Another organization's " +
    "answer 404, as if it did not exist.",
  security: BEARER_AUTH,
  request: { params: OrganizationIdParam, query: PageQuerySchema },
  responses: {
    200: jsonResponse(OrganizationInvitationPage, "A page of the pending invitations"),
    ...authErrors.responses("unauthenticated", "forbidden", "not-found", "validation-failed", "invalid-cursor"),
  },
});

const revoke = createRoute({
  method: "delete",
  path: "/api/v1/organizations/{id}/invitations/{invitationId}",
  operationId: "revokeInvitation",
  tags: ["members"],
  summary: "Revoke a pending invitation (owner, admin; an invitation as owner: owners only)",
  description: "Its link stops working. An unknown, used or already revoked invitation answers 404.",
  security: BEARER_AUTH,
  request: { params: OrganizationInvitationParams },
  responses: {
    204: noContent("Revoked"),
    ...authErrors.responses("unauthenticated", "forbidden", "not-found"),
  },
});

/** Invitations from the organization's side: owners and admins see and revoke what is pending. */
export class OrganizationInvitationsController implements Controller {
  constructor(private readonly guard: HonoGuard) {}

  register(app: OpenAPIHono<AppEnv>): void {
    const { guard } = this;
    const authenticated = { middleware: [guard.authenticate()] };

    app.openapi({ ...list, ...authenticated }, (c) =>
      inOrganizationPath(c, c.req.valid("param"), "organization", async ({ id: organizationId }) => {
        const result = await c.var.scope
          .useCase(ListOrganizationInvitationsUseCase, T.Deps)
          .execute({ actor: actorOf(guard, c), organizationId, page: pageRequest(c.req.valid("query")) });
        if (!result.ok) return authErrors.problem(c, result.error);
        return c.json(
          { items: result.value.items.map(organizationInvitationJson), nextCursor: result.value.nextCursor },
          200,
        );
      }),
    );

    app.openapi({ ...revoke, ...authenticated }, (c) =>
      inOrganizationPath(c, c.req.valid("param"), "invitation", async ({ id: organizationId, invitationId }) => {
        const result = await c.var.scope
          .useCase(RevokeInvitationUseCase, T.Deps)
          .execute({ actor: actorOf(guard, c), organizationId, invitationId });
        if (!result.ok) return authErrors.problem(c, result.error);
        return c.body(null, 204);
      }),
    );
  }
}
