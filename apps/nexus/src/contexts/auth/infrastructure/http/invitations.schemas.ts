import { z } from "@hono/zod-openapi";
import { IdSchema } from "@/shared/infrastructure/http/common.schemas";
import { OneTimeTokenField, RoleSchema } from "./common.schemas";

export const AcceptInvitationBody = z.object({ token: OneTimeTokenField }).openapi("AcceptInvitationRequest");

export const InvitationAcceptedSchema = z
  .object({ organizationId: IdSchema, role: RoleSchema })
  .openapi("InvitationAccepted");
