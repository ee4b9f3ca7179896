import { z } from "@hono/zod-openapi";
import { DateTimeSchema, IdSchema, pageOf } from "@/shared/infrastructure/http/common.schemas";
import { OneTimeTokenField, RoleSchema } from "./common.schemas";

export const AcceptInvitationBody = z.object({ token: OneTimeTokenField }).openapi("AcceptInvitationRequest");

export const InvitationAcceptedSchema = z
  .object({ organizationId: IdSchema, role: RoleSchema })
  .openapi("InvitationAccepted");

export const InvitationIdParam = z.object({
  id: z.string().openapi({ param: { name: "id", in: "path" }, format: "uuid" }),
});

export const OrganizationInvitationParams = z.object({
  id: z.string().openapi({ param: { name: "id", in: "path" }, format: "uuid" }),
  invitationId: z.string().openapi({ param: { name: "invitationId", in: "path" }, format: "uuid" }),
});

/** An invitation sent to the caller (`GET /invitations`). */
export const MyInvitationSchema = z
  .object({
    id: IdSchema,
    organization: z.object({ id: IdSchema, name: z.string() }),
    role: RoleSchema,
    createdAt: DateTimeSchema,
    expiresAt: DateTimeSchema,
  })
  .openapi("MyInvitation");

export const MyInvitationPage = pageOf(MyInvitationSchema).openapi("MyInvitationPage");

/** A pending invitation of an organization (`GET /organizations/{id}/invitations`). */
export const OrganizationInvitationSchema = z
  .object({
    id: IdSchema,
    email: z.string().openapi({ format: "email" }),
    role: RoleSchema,
    invitedBy: IdSchema,
    createdAt: DateTimeSchema,
    expiresAt: DateTimeSchema,
  })
  .openapi("OrganizationInvitation");

export const OrganizationInvitationPage = pageOf(OrganizationInvitationSchema).openapi("OrganizationInvitationPage");
