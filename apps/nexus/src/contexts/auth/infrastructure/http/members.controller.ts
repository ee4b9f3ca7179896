import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { problemResponses } from "@/shared/infrastructure/http/problem.schema";
import type { AddMemberUseCase } from "../../application/use-cases/add-member.use-case";
import type { ChangeMemberRoleUseCase } from "../../application/use-cases/change-member-role.use-case";
import type { ListMembersUseCase } from "../../application/use-cases/list-members.use-case";
import type { RemoveMemberUseCase } from "../../application/use-cases/remove-member.use-case";
import { BEARER_AUTH } from "../../contracts/auth-guard";
import { actorOf, type HonoGuard, notFoundResponse, parsePathId, requestMeta, respondAuth } from "./auth-request";
import { PageQuerySchema } from "./common.schemas";
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
import { jsonBody, jsonResponse, noContent } from "./route-parts";

export interface MembersControllerDeps {
  readonly guard: HonoGuard;
  readonly listMembers: ListMembersUseCase;
  readonly addMember: AddMemberUseCase;
  readonly changeMemberRole: ChangeMemberRoleUseCase;
  readonly removeMember: RemoveMemberUseCase;
}

const MEMBER_ERRORS = { "not-found": 404, forbidden: 403, "already-member": 409, "last-owner": 409 } as const;

const list = createRoute({
  method: "get",
  path: "/api/v1/organizations/{id}/members",
  operationId: "listMembers",
  tags: ["members"],
  summary: "Members of one of your organizations",
  description: "Another organization's members answer 404, as if it did not exist.",
  security: BEARER_AUTH,
  request: { params: OrganizationIdParam, query: PageQuerySchema },
  responses: { 200: jsonResponse(MemberPage, "A page of members"), ...problemResponses(401, 404, 422) },
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
    ...problemResponses(400, 401, 403, 404, 409, 422),
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
  responses: { 200: jsonResponse(MemberRoleSchema, "The new role"), ...problemResponses(400, 401, 403, 404, 409, 422) },
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
  responses: { 204: noContent("Removed"), ...problemResponses(401, 403, 404, 409) },
});

/** Memberships of an organization. Authorization is the caller's CURRENT membership, read by the use cases. */
export class MembersController implements Controller {
  constructor(private readonly deps: MembersControllerDeps) {}

  register(app: OpenAPIHono<AppEnv>): void {
    const { guard } = this.deps;
    const authenticated = { middleware: [guard.authenticate()] };

    app.openapi({ ...list, ...authenticated }, async (c) => {
      const organizationId = parsePathId(c.req.valid("param").id);
      if (!organizationId) return notFoundResponse(c, "organization");
      const { limit, cursor } = c.req.valid("query");
      const result = await this.deps.listMembers.execute({
        actor: actorOf(guard, c),
        organizationId,
        page: { limit, cursor: cursor ?? null },
      });
      return respondAuth(c, result, { ok: 200, errors: { "not-found": 404 } });
    });

    app.openapi({ ...add, ...authenticated }, async (c) => {
      const organizationId = parsePathId(c.req.valid("param").id);
      if (!organizationId) return notFoundResponse(c, "organization");
      const { email, role } = c.req.valid("json");
      const result = await this.deps.addMember.execute({
        actor: actorOf(guard, c),
        organizationId,
        email,
        role,
        meta: requestMeta(),
      });
      // A member at once is a created resource; a mailed invitation only an accepted request.
      return respondAuth(c, result, {
        ok: result.ok && result.value.status === "invited" ? 202 : 201,
        errors: MEMBER_ERRORS,
      });
    });

    app.openapi({ ...changeRole, ...authenticated }, async (c) => {
      const params = c.req.valid("param");
      const organizationId = parsePathId(params.id);
      const userId = parsePathId(params.userId);
      if (!organizationId || !userId) return notFoundResponse(c, "member");
      const result = await this.deps.changeMemberRole.execute({
        actor: actorOf(guard, c),
        organizationId,
        userId,
        role: c.req.valid("json").role,
        meta: requestMeta(),
      });
      return respondAuth(c, result, { ok: 200, errors: MEMBER_ERRORS });
    });

    app.openapi({ ...remove, ...authenticated }, async (c): Promise<Response> => {
      const params = c.req.valid("param");
      const organizationId = parsePathId(params.id);
      const userId = parsePathId(params.userId);
      if (!organizationId || !userId) return notFoundResponse(c, "member");
      const result = await this.deps.removeMember.execute({
        actor: actorOf(guard, c),
        organizationId,
        userId,
        meta: requestMeta(),
      });
      return respondAuth(c, result, { ok: 204, errors: MEMBER_ERRORS });
    });
  }
}
