import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { problemResponses } from "@/shared/infrastructure/http/problem.schema";
import type { AcceptInvitationUseCase } from "../../application/use-cases/accept-invitation.use-case";
import { BEARER_AUTH } from "../../contracts/auth-guard";
import { actorOf, type HonoGuard, requestMeta, respondAuth } from "./auth-request";
import { AcceptInvitationBody, InvitationAcceptedSchema } from "./invitations.schemas";
import { jsonBody, jsonResponse } from "./route-parts";

export interface InvitationsControllerDeps {
  readonly guard: HonoGuard;
  readonly acceptInvitation: AcceptInvitationUseCase;
}

const accept = createRoute({
  method: "post",
  path: "/api/v1/invitations/accept",
  operationId: "acceptInvitation",
  tags: ["members"],
  summary: "Accept an invitation (signed in as the invited email)",
  description:
    "Register and sign in with the invited address first. Then `POST /auth/switch-organization` to act in the organization.",
  security: BEARER_AUTH,
  request: jsonBody(AcceptInvitationBody),
  responses: {
    200: jsonResponse(InvitationAcceptedSchema, "You are now a member"),
    ...problemResponses(400, 401, 403, 409, 422),
  },
});

/** Invitations mailed by `POST /organizations/{id}/members`. */
export class InvitationsController implements Controller {
  constructor(private readonly deps: InvitationsControllerDeps) {}

  register(app: OpenAPIHono<AppEnv>): void {
    const { guard } = this.deps;
    app.openapi({ ...accept, middleware: [guard.authenticate()] }, async (c) => {
      const { token } = c.req.valid("json");
      const result = await this.deps.acceptInvitation.execute({ actor: actorOf(guard, c), token, meta: requestMeta() });
      return respondAuth(c, result, {
        ok: 200,
        errors: { "invalid-token": 422, "token-expired": 422, forbidden: 403, "already-member": 409 },
      });
    });
  }
}
