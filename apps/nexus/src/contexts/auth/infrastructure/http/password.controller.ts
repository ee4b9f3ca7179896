import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { map } from "@/shared/domain/result";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { problemResponses } from "@/shared/infrastructure/http/problem.schema";
import type { ChangePasswordUseCase } from "../../application/use-cases/change-password.use-case";
import type { ForgotPasswordUseCase } from "../../application/use-cases/forgot-password.use-case";
import type { ResetPasswordUseCase } from "../../application/use-cases/reset-password.use-case";
import { BEARER_AUTH } from "../../contracts/auth-guard";
import { AcceptedSchema, EmailBody } from "./auth.schemas";
import { actorOf, type HonoGuard, requestMeta, respondAuth } from "./auth-request";
import { ChangePasswordBody, ResetPasswordBody } from "./password.schemas";
import { jsonBody, jsonResponse, noContent } from "./route-parts";

export interface PasswordControllerDeps {
  readonly guard: HonoGuard;
  readonly changePassword: ChangePasswordUseCase;
  readonly forgotPassword: ForgotPasswordUseCase;
  readonly resetPassword: ResetPasswordUseCase;
}

export const FORGOT_ACCEPTED = {
  message: "If this email belongs to an account, a password reset mail is on its way. Its link works for 15 minutes.",
} as const;

const change = createRoute({
  method: "post",
  path: "/api/v1/auth/password/change",
  operationId: "changePassword",
  tags: ["password"],
  summary: "Change the password (ends every other session)",
  security: BEARER_AUTH,
  request: jsonBody(ChangePasswordBody),
  responses: { 204: noContent("Changed"), ...problemResponses(400, 401, 422) },
});

const forgot = createRoute({
  method: "post",
  path: "/api/v1/auth/password/forgot",
  operationId: "forgotPassword",
  security: [],
  tags: ["password"],
  summary: "Mail a password reset link",
  description: "Always 202 with the same body, so it cannot tell whether an account exists.",
  request: jsonBody(EmailBody),
  responses: { 202: jsonResponse(AcceptedSchema, "Accepted"), ...problemResponses(400, 422, 429) },
});

const reset = createRoute({
  method: "post",
  path: "/api/v1/auth/password/reset",
  operationId: "resetPassword",
  security: [],
  tags: ["password"],
  summary: "Set a new password with the mailed token (ends every session)",
  request: jsonBody(ResetPasswordBody),
  responses: { 204: noContent("Password replaced"), ...problemResponses(400, 422, 429) },
});

/** The password resource: change (signed in), forgot and reset (by mail). */
export class PasswordController implements Controller {
  constructor(private readonly deps: PasswordControllerDeps) {}

  register(app: OpenAPIHono<AppEnv>): void {
    const { guard } = this.deps;

    app.openapi({ ...change, middleware: [guard.authenticate()] }, async (c): Promise<Response> => {
      const { currentPassword, newPassword } = c.req.valid("json");
      const result = await this.deps.changePassword.execute({
        actor: actorOf(guard, c),
        currentPassword,
        newPassword,
        meta: requestMeta(),
      });
      return respondAuth(c, result, { ok: 204, errors: { "invalid-credentials": 401, "weak-password": 422 } });
    });

    app.openapi(forgot, async (c) => {
      const { email } = c.req.valid("json");
      const result = await this.deps.forgotPassword.execute({ email, meta: requestMeta() });
      return respondAuth(
        c,
        map(result, () => FORGOT_ACCEPTED),
        { ok: 202 },
      );
    });

    app.openapi(reset, async (c): Promise<Response> => {
      const { token, newPassword } = c.req.valid("json");
      const result = await this.deps.resetPassword.execute({ token, newPassword, meta: requestMeta() });
      return respondAuth(c, result, {
        ok: 204,
        errors: { "invalid-token": 422, "token-expired": 422, "weak-password": 422 },
      });
    });
  }
}
