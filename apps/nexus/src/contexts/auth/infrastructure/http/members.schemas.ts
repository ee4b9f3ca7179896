import { z } from "@hono/zod-openapi";
import { DateTimeSchema, IdSchema, pageOf } from "@/shared/infrastructure/http/common.schemas";
import { EmailField, RoleSchema } from "./common.schemas";

export const MemberSchema = z
  .object({
    userId: IdSchema,
    email: z.string().openapi({ format: "email" }),
    name: z.string(),
    role: RoleSchema,
    joinedAt: DateTimeSchema,
  })
  .openapi("Member");

export const MemberPage = pageOf(MemberSchema).openapi("MemberPage");

export const OrganizationIdParam = z.object({
  id: z.string().openapi({ param: { name: "id", in: "path" }, format: "uuid" }),
});

export const MemberParams = OrganizationIdParam.extend({
  userId: z.string().openapi({ param: { name: "userId", in: "path" }, format: "uuid" }),
});

export const AddMemberBody = z.object({ email: EmailField, role: RoleSchema }).openapi("AddMemberRequest");

export const MemberInvitedSchema = z
  .object({ status: z.literal("invited"), email: z.string(), role: RoleSchema, expiresAt: DateTimeSchema })
  .openapi("MemberInvited");

export const ChangeRoleBody = z.object({ role: RoleSchema }).openapi("ChangeMemberRoleRequest");

export const MemberRoleSchema = z.object({ userId: IdSchema, role: RoleSchema }).openapi("MemberRole");
