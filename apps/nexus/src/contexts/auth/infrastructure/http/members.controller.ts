import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import { PageQuerySchema, pageRequest } from "@/shared/infrastructure/http/common.schemas";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { parsePathId } from "@/shared/infrastructure/http/path-id";
import { jsonBody, jsonResponse, noContent } from "@/shared/infrastructure/http/route-parts";
import { notFound } from "../../application/auth.errors";
import { AddMemberUseCase } from "../../application/use-cases/add-member.use-case";
import { ChangeMemberRoleUseCase } from "../../application/use-cases/change-member-role.use-case";
import { ListMembersUseCase } from "../../application/use-cases/list-members.use-case";
import { RemoveMemberUseCase } from "../../application/use-cases/remove-member.use-case";
import { BEARER_AUTH } from "../../contracts/auth-guard";
import { AuthTokens as T } from "../auth.tokens";
import { memberAddedJson, memberInvitedJson, memberJson } from "./auth.json";
import { authErrors } from "./auth.problems";
import { actorOf, type HonoGuard } from "./auth-request";
import {
  AddMemberBody,
  ChangeRoleBody,
  MemberAddedSchema,
  MemberInvitedSchema,
  MemberPage,
  MemberParams,
  MemberRoleSchema,
  OrganizationIdParam,
} from "./members.schemas";

const list = createRoute({
  method: "get",
  path: "/api/v1/organizations/{id}/members",
  operationId: "listMembers",
  tags: ["members"],
  summary: "Members of one of your organizations",
  description: "Another organization's members answer 404, as if it did not exist.",
  security: BEARER_AUTH,
  request: { params: OrganizationIdParam, query: PageQuerySchema },
  responses: {
    200: jsonResponse(MemberPage, "A page of members"),
    ...authErrors.responses("unauthenticated", "not-found", "validation-failed", "invalid-cursor"),
  },
});

const add = createRoute({
  method: "post",
  path: "/api/v1/organizations/{id}/members",
  operationId: "addMember",
  tags: ["members"],
  summary: "Add a registered user, or mail an invitation to any other address (owner, admin)",
  description: "Only an owner can grant `owner`. An invitation is accepted with `POST /invitations/accept`.",
  security: BEARER_AUTH,
  request: { params: OrganizationIdParam, ...jsonBody(AddMemberBody) },
  responses: {
    201: jsonResponse(MemberAddedSchema, "The user is now a member"),
    202: jsonResponse(MemberInvitedSchema, "An invitation was mailed (valid 7 days)"),
    ...authErrors.responses(
      "malformed-json",
      "unauthenticated",
      "forbidden",
      "not-found",
      "already-member",
      "validation-failed",
    ),
  },
});

const changeRole = createRoute({
  method: "patch",
  path: "/api/v1/organizations/{id}/members/{userId}",
  operationId: "changeMemberRole",
  tags: ["members"],
  summary: "Change a member's role (owner, admin; only owners manage owners)",
  description: "The last owner cannot be demoted (409 `last-owner`). A demoted member's sessions there end at once.",
  security: BEARER_AUTH,
  request: { params: MemberParams, ...jsonBody(ChangeRoleBody) },
  responses: {
    200: jsonResponse(MemberRoleSchema, "The new role"),
    ...authErrors.responses(
      "malformed-json",
      "unauthenticated",
      "forbidden",
      "not-found",
      "last-owner",
      "validation-failed",
    ),
  },
});

const remove = createRoute({
  method: "delete",
  path: "/api/v1/organizations/{id}/members/{userId}",
  operationId: "removeMember",
  tags: ["members"],
  summary: "Remove a member, or leave (your own userId)",
  description: "The last owner can neither leave nor be removed (409 `last-owner`).",
  security: BEARER_AUTH,
  request: { params: MemberParams },
  responses: {
    204: noContent("Removed"),
    ...authErrors.responses("unauthenticated", "forbidden", "not-found", "last-owner"),
  },
});

/** Memberships of an organization. Authorization is the caller's CURRENT membership, read by the use cases. */
export class MembersController implements Controller {
  constructor(private readonly guard: HonoGuard) {}

  register(app: OpenAPIHono<AppEnv>): void {
    const { guard } = this;
    const authenticated = { middleware: [guard.authenticate()] };

    app.openapi({ ...list, ...authenticated }, async (c) => {
      const organizationId = parsePathId(c.req.valid("param").id);
      if (!organizationId) return authErrors.problem(c, notFound("organization"));
      const result = await c.var.scope
        .useCase(ListMembersUseCase, T.Deps)
        .execute({ actor: actorOf(guard, c), organizationId, page: pageRequest(c.req.valid("query")) });
      if (!result.ok) return authErrors.problem(c, result.error);
      return c.json({ items: result.value.items.map(memberJson), nextCursor: result.value.nextCursor }, 200);
    });

    app.openapi({ ...add, ...authenticated }, async (c) => {
      const organizationId = parsePathId(c.req.valid("param").id);
      if (!organizationId) return authErrors.problem(c, notFound("organization"));
      const result = await c.var.scope
        .useCase(AddMemberUseCase, T.Deps)
        .execute({ actor: actorOf(guard, c), organizationId, ...c.req.valid("json") });
      if (!result.ok) return authErrors.problem(c, result.error);
      // A member at once is a created resource; a mailed invitation only an accepted request.
      const outcome = result.value;
      if (outcome.status === "invited") return c.json(memberInvitedJson(outcome), 202);
      return c.json(memberAddedJson(outcome), 201);
    });

    app.openapi({ ...changeRole, ...authenticated }, async (c) => {
      const params = c.req.valid("param");
      const organizationId = parsePathId(params.id);
      const userId = parsePathId(params.userId);
      if (!organizationId || !userId) return authErrors.problem(c, notFound("member"));
      const result = await c.var.scope
        .useCase(ChangeMemberRoleUseCase, T.Deps)
        .execute({ actor: actorOf(guard, c), organizationId, userId, role: c.req.valid("json").role });
      if (!result.ok) return authErrors.problem(c, result.error);
      return c.json({ userId: result.value.userId, role: result.value.role }, 200);
    });

    app.openapi({ ...remove, ...authenticated }, async (c) => {
      const params = c.req.valid("param");
      const organizationId = parsePathId(params.id);
      const userId = parsePathId(params.userId);
      if (!organizationId || !userId) return authErrors.problem(c, notFound("member"));
      const result = await c.var.scope
        .useCase(RemoveMemberUseCase, T.Deps)
        .execute({ actor: actorOf(guard, c), organizationId, userId });
      if (!result.ok) return authErrors.problem(c, result.error);
      return c.body(null, 204);
    });
  }
}
