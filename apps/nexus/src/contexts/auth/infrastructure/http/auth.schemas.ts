import { z } from "@hono/zod-openapi";
import { IdField, IdSchema } from "@/shared/infrastructure/http/common.schemas";
import {
  EmailField,
  OneTimeTokenField,
  OrganizationSchema,
  PasswordField,
  RoleSchema,
  TokenPairSchema,
  UserSchema,
} from "./common.schemas";

export const RegisterBody = z
  .object({
    email: EmailField,
    password: PasswordField.openapi({ description: "12–128 characters, not a commonly used password" }),
    name: z.string().max(200).openapi({ example: "Ana Lima" }),
  })
  .openapi("RegisterRequest");

/** The one body of 202 answers that must not tell whether an account exists. */
export const AcceptedSchema = z.object({ message: z.string() }).openapi("Accepted");

export const VerifyEmailBody = z.object({ token: OneTimeTokenField }).openapi("VerifyEmailRequest");
export const EmailBody = z.object({ email: EmailField }).openapi("EmailRequest");

export const LoginBody = z
  .object({
    email: EmailField,
    password: PasswordField,
    organizationId: IdField.optional().openapi({
      description: "Act in this organization (one of yours); default: your oldest membership",
    }),
  })
  .openapi("LoginRequest");

export const LoginResponse = TokenPairSchema.extend({
  user: UserSchema,
  organizations: z.array(OrganizationSchema),
  organizationId: IdSchema.nullable().openapi({ description: "The organization the session acts in (token `org`)" }),
}).openapi("LoginResponse");

export const RefreshBody = z.object({ refreshToken: z.string().min(1).max(512) }).openapi("RefreshRequest");

export const MeResponse = z
  .object({
    user: UserSchema,
    organizations: z.array(OrganizationSchema),
    currentOrganizationId: IdSchema.nullable(),
    role: RoleSchema.nullable().openapi({ description: "Your current role in the session's organization" }),
    sessionId: IdSchema,
  })
  .openapi("Me");

export const SwitchOrganizationBody = z.object({ organizationId: IdField }).openapi("SwitchOrganizationRequest");

export const SwitchOrganizationResponse = TokenPairSchema.extend({
  organizationId: IdSchema,
  role: RoleSchema,
}).openapi("SwitchOrganizationResponse");
