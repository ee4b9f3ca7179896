import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { jsonBody, jsonResponse } from "@/shared/infrastructure/http/route-parts";
import { AcceptInvitationUseCase } from "../../application/use-cases/accept-invitation.use-case";
import { BEARER_AUTH } from "../../contracts/auth-guard";
import { AuthTokens as T } from "../auth.tokens";
import { invitationAcceptedJson } from "./auth.json";
import { authErrors } from "./auth.problems";
import { actorOf, type HonoGuard } from "./auth-request";
import { AcceptInvitationBody, InvitationAcceptedSchema } from "./invitations.schemas";

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
    ...authErrors.responses(
      "malformed-json",
      "unauthenticated",
      "forbidden",
      "already-member",
      "invalid-token",
      "token-expired",
      "validation-failed",
    ),
  },
});

/** Invitations mailed by `POST /organizations/{id}/members`. */
export class InvitationsController implements Controller {
  constructor(private readonly guard: HonoGuard) {}

  register(app: OpenAPIHono<AppEnv>): void {
    const { guard } = this;
    app.openapi({ ...accept, middleware: [guard.authenticate()] }, async (c) => {
      const result = await c.var.scope
        .useCase(AcceptInvitationUseCase, T.Deps)
        .execute({ actor: actorOf(guard, c), token: c.req.valid("json").token });
      if (!result.ok) return authErrors.problem(c, result.error);
      return c.json(invitationAcceptedJson(result.value), 200);
    });
  }
}
