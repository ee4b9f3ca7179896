import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import { PageQuerySchema, pageRequest } from "@/shared/infrastructure/http/common.schemas";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { parsePathId } from "@/shared/infrastructure/http/path-id";
import { jsonBody, jsonResponse } from "@/shared/infrastructure/http/route-parts";
import { notFound } from "../../application/auth.errors";
import { AcceptInvitationUseCase } from "../../application/use-cases/accept-invitation.use-case";
import { ListMyInvitationsUseCase } from "../../application/use-cases/list-my-invitations.use-case";
import { BEARER_AUTH } from "../../contracts/auth-guard";
import { AuthTokens as T } from "../auth.tokens";
import { invitationAcceptedJson, myInvitationJson } from "./auth.json";
import { authErrors } from "./auth.problems";
import { actorOf, type HonoGuard } from "./auth-request";
import {
  AcceptInvitationBody,
  InvitationAcceptedSchema,
  InvitationIdParam,
  MyInvitationPage,
} from "./invitations.schemas";

const acceptErrors = authErrors.responses(
  "unauthenticated",
  "forbidden",
  "not-found",
  "already-member",
  "invalid-token",
  "token-expired",
);

const accept = createRoute({
  method: "post",
  path: "/api/v1/invitations/accept",
  operationId: "acceptInvitation",
  tags: ["members"],
  summary: "Accept an invitation with the mailed token (signed in as the invited email)",
  description:
    "Register and sign in with the invited address first. Then `POST /auth/switch-organization` (or log in " +
    "again) to act in the organization. An invitation whose inviter may no longer grant the role is `invalid-token`.",
  security: BEARER_AUTH,
  request: jsonBody(AcceptInvitationBody),
  responses: {
    200: jsonResponse(InvitationAcceptedSchema, "You are now a member"),
    ...authErrors.responses("malformed-json", "validation-failed"),
    ...acceptErrors,
  },
});

const mine = createRoute({
  method: "get",
  path: "/api/v1/invitations",
  operationId: "listMyInvitations",
  tags: ["members"],
  summary: "Your pending invitations (sent to your email)",
  description: "Unexpired invitations nobody accepted, revoked or replaced, oldest first.",
  security: BEARER_AUTH,
  request: { query: PageQuerySchema },
  responses: {
    200: jsonResponse(MyInvitationPage, "A page of your pending invitations"),
    ...authErrors.responses("unauthenticated", "not-found", "validation-failed", "invalid-cursor"),
  },
});

const acceptById = createRoute({
  method: "post",
  path: "/api/v1/invitations/{id}/accept",
  operationId: "acceptInvitationById",
  tags: ["members"],
  summary: "Accept one of your pending invitations (from `GET /invitations`)",
  description: "An invitation sent to another address answers 404, as if it did not exist.",
  security: BEARER_AUTH,
  request: { params: InvitationIdParam },
  responses: {
    200: jsonResponse(InvitationAcceptedSchema, "You are now a member"),
    ...acceptErrors,
  },
});

/** Invitations mailed by `POST /organizations/{id}/members`, from the invitee's side. */
export class InvitationsController implements Controller {
  constructor(private readonly guard: HonoGuard) {}

  register(app: OpenAPIHono<AppEnv>): void {
    const { guard } = this;
    const authenticated = { middleware: [guard.authenticate()] };

    app.openapi({ ...accept, ...authenticated }, async (c) => {
      const result = await c.var.scope
        .useCase(AcceptInvitationUseCase, T.Deps)
        .execute({ actor: actorOf(guard, c), token: c.req.valid("json").token });
      if (!result.ok) return authErrors.problem(c, result.error);
      return c.json(invitationAcceptedJson(result.value), 200);
    });

    app.openapi({ ...mine, ...authenticated }, async (c) => {
      const result = await c.var.scope
        .useCase(ListMyInvitationsUseCase, T.Deps)
        .execute({ actor: actorOf(guard, c), page: pageRequest(c.req.valid("query")) });
      if (!result.ok) return authErrors.problem(c, result.error);
      return c.json({ items: result.value.items.map(myInvitationJson), nextCursor: result.value.nextCursor }, 200);
    });

    app.openapi({ ...acceptById, ...authenticated }, async (c) => {
      const invitationId = parsePathId(c.req.valid("param").id);
      if (!invitationId) return authErrors.problem(c, notFound("invitation"));
      const result = await c.var.scope
        .useCase(AcceptInvitationUseCase, T.Deps)
        .execute({ actor: actorOf(guard, c), invitationId });
      if (!result.ok) return authErrors.problem(c, result.error);
      return c.json(invitationAcceptedJson(result.value), 200);
    });
  }
}
