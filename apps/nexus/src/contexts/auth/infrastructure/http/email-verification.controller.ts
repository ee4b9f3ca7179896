import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { jsonBody, jsonResponse, noContent } from "@/shared/infrastructure/http/route-parts";
import { ResendVerificationUseCase } from "../../application/use-cases/resend-verification.use-case";
import { VerifyEmailUseCase } from "../../application/use-cases/verify-email.use-case";
import { AuthTokens as T } from "../auth.tokens";
import { authErrors } from "./auth.problems";
import { AcceptedSchema, EmailBody, VerifyEmailBody } from "./auth.schemas";

export const RESEND_ACCEPTED = {
  message: "If this email belongs to an account waiting for verification, a new verification mail is on its way.",
} as const;

const verify = createRoute({
  method: "post",
  path: "/api/v1/auth/email/verify",
  operationId: "verifyEmail",
  security: [],
  tags: ["auth"],
  summary: "Verify an email address with the token from the verification mail",
  request: jsonBody(VerifyEmailBody),
  responses: {
    204: noContent("Verified"),
    ...authErrors.responses("malformed-json", "invalid-token", "token-expired", "validation-failed", "rate-limited"),
  },
});

const resend = createRoute({
  method: "post",
  path: "/api/v1/auth/email/resend",
  operationId: "resendVerificationEmail",
  security: [],
  tags: ["auth"],
  summary: "Send a new verification mail",
  description: "Always 202 with the same body, so it cannot tell whether an account exists.",
  request: jsonBody(EmailBody),
  responses: {
    202: jsonResponse(AcceptedSchema, "Accepted"),
    ...authErrors.responses("malformed-json", "validation-failed", "rate-limited"),
  },
});

/** The email verification resource: the mailed token proves the address. */
export class EmailVerificationController implements Controller {
  register(app: OpenAPIHono<AppEnv>): void {
    app.openapi(verify, async (c) => {
      const result = await c.var.scope.useCase(VerifyEmailUseCase, T.Deps).execute(c.req.valid("json"));
      if (!result.ok) return authErrors.problem(c, result.error);
      return c.body(null, 204);
    });

    app.openapi(resend, async (c) => {
      const result = await c.var.scope.useCase(ResendVerificationUseCase, T.Deps).execute(c.req.valid("json"));
      if (!result.ok) return authErrors.problem(c, result.error);
      return c.json(RESEND_ACCEPTED, 202);
    });
  }
}
