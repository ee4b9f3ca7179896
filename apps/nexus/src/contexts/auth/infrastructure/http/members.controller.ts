import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import { PageQuerySchema, pageRequest } from "@/shared/infrastructure/http/common.schemas";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { jsonBody, jsonResponse, noContent } from "@/shared/infrastructure/http/route-parts";
import { ChangeMemberRoleUseCase } from "../../application/use-cases/change-member-role.use-case";
import { InviteMemberUseCase } from "../../application/use-cases/invite-member.use-case";
import { ListMembersUseCase } from "../../application/use-cases/list-members.use-case";
import { RemoveMemberUseCase } from "../../application/use-cases/remove-member.use-case";
import { BEARER_AUTH } from "../../contracts/auth-guard";
import { AuthTokens as T } from "../auth.tokens";
import { memberInvitedJson, memberJson } from "./auth.json";
import { authErrors } from "./auth.problems";
import { actorOf, type HonoGuard } from "./auth-request";
import {
  AddMemberBody,
  ChangeRoleBody,
  MemberInvitedSchema,
  MemberPage,
  MemberParams,
  MemberRoleSchema,
  OrganizationIdParam,
} from "./members.schemas";
import { inOrganizationPath } from "./organization-path";

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
  summary: "Invite someone by email (owner, admin): nobody joins without accepting",
  description:
    "Always mails an invitation (valid 7 days) and answers 202 with the same body whether or not the " +
    "address has an account. It is accepted with `POST /invitations/accept` (the mailed token) or " +
    "`POST /invitations/{id}/accept`. Only an owner can invite as `owner`. A second invitation to the same " +
    "address replaces the pending one (the old link stops working). Daily quotas per organization and per " +
    "inviter answer 429 `invitation-quota-exceeded`.",
  security: BEARER_AUTH,
  request: { params: OrganizationIdParam, ...jsonBody(AddMemberBody) },
  responses: {
    202: jsonResponse(MemberInvitedSchema, "An invitation was mailed (valid 7 days)"),
    ...authErrors.responses(
      "malformed-json",
      "unauthenticated",
      "forbidden",
      "not-found",
      "already-member",
      "validation-failed",
      "invitation-quota-exceeded",
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

    app.openapi({ ...list, ...authenticated }, (c) =>
      inOrganizationPath(c, c.req.valid("param"), "organization", async ({ id: organizationId }) => {
        const result = await c.var.scope
          .useCase(ListMembersUseCase, T.Deps)
          .execute({ actor: actorOf(guard, c), organizationId, page: pageRequest(c.req.valid("query")) });
        if (!result.ok) return authErrors.problem(c, result.error);
        return c.json({ items: result.value.items.map(memberJson), nextCursor: result.value.nextCursor }, 200);
      }),
    );

    app.openapi({ ...add, ...authenticated }, (c) =>
      inOrganizationPath(c, c.req.valid("param"), "organization", async ({ id: organizationId }) => {
        const result = await c.var.scope
          .useCase(InviteMemberUseCase, T.Deps)
          .execute({ actor: actorOf(guard, c), organizationId, ...c.req.valid("json") });
        if (!result.ok) return authErrors.problem(c, result.error);
        // Accepted, not created: the membership exists only once the invitee accepts.
        return c.json(memberInvitedJson(result.value), 202);
      }),
    );

    app.openapi({ ...changeRole, ...authenticated }, (c) =>
      inOrganizationPath(c, c.req.valid("param"), "member", async ({ id: organizationId, userId }) => {
        const result = await c.var.scope
          .useCase(ChangeMemberRoleUseCase, T.Deps)
          .execute({ actor: actorOf(guard, c), organizationId, userId, role: c.req.valid("json").role });
        if (!result.ok) return authErrors.problem(c, result.error);
        return c.json({ userId: result.value.userId, role: result.value.role }, 200);
      }),
    );

    app.openapi({ ...remove, ...authenticated }, (c) =>
      inOrganizationPath(c, c.req.valid("param"), "member", async ({ id: organizationId, userId }) => {
        const result = await c.var.scope
          .useCase(RemoveMemberUseCase, T.Deps)
          .execute({ actor: actorOf(guard, c), organizationId, userId });
        if (!result.ok) return authErrors.problem(c, result.error);
        return c.body(null, 204);
      }),
    );
  }
}
