import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { map } from "@/shared/domain/result";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { problemResponses } from "@/shared/infrastructure/http/problem.schema";
import type { ResendVerificationUseCase } from "../../application/use-cases/resend-verification.use-case";
import type { VerifyEmailUseCase } from "../../application/use-cases/verify-email.use-case";
import { AcceptedSchema, EmailBody, VerifyEmailBody } from "./auth.schemas";
import { requestMeta, respondAuth } from "./auth-request";
import { jsonBody, jsonResponse, noContent } from "./route-parts";

export interface EmailVerificationControllerDeps {
  readonly verifyEmail: VerifyEmailUseCase;
  readonly resendVerification: ResendVerificationUseCase;
}

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
  responses: { 204: noContent("Verified"), ...problemResponses(400, 422, 429) },
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
  responses: { 202: jsonResponse(AcceptedSchema, "Accepted"), ...problemResponses(400, 422, 429) },
});

/** The email verification resource: the mailed token proves the address. */
export class EmailVerificationController implements Controller {
  constructor(private readonly deps: EmailVerificationControllerDeps) {}

  register(app: OpenAPIHono<AppEnv>): void {
    app.openapi(verify, async (c): Promise<Response> => {
      const { token } = c.req.valid("json");
      const result = await this.deps.verifyEmail.execute({ token, meta: requestMeta() });
      return respondAuth(c, result, { ok: 204, errors: { "invalid-token": 422, "token-expired": 422 } });
    });

    app.openapi(resend, async (c) => {
      const { email } = c.req.valid("json");
      const result = await this.deps.resendVerification.execute({ email });
      return respondAuth(
        c,
        map(result, () => RESEND_ACCEPTED),
        { ok: 202 },
      );
    });
  }
}
