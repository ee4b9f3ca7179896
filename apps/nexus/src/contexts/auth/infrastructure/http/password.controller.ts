import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { jsonBody, jsonResponse, noContent } from "@/shared/infrastructure/http/route-parts";
import { ChangePasswordUseCase } from "../../application/use-cases/change-password.use-case";
import { ForgotPasswordUseCase } from "../../application/use-cases/forgot-password.use-case";
import { ResetPasswordUseCase } from "../../application/use-cases/reset-password.use-case";
import { BEARER_AUTH } from "../../contracts/auth-guard";
import { AuthTokens as T } from "../auth.tokens";
import { authErrors } from "./auth.problems";
import { AcceptedSchema, EmailBody } from "./auth.schemas";
import { actorOf, type HonoGuard } from "./auth-request";
import { ChangePasswordBody, ResetPasswordBody } from "./password.schemas";

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
  responses: {
    204: noContent("Changed"),
    ...authErrors.responses(
      "malformed-json",
      "unauthenticated",
      "invalid-credentials",
      "weak-password",
      "validation-failed",
    ),
  },
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
  responses: {
    202: jsonResponse(AcceptedSchema, "Accepted"),
    ...authErrors.responses("malformed-json", "validation-failed", "rate-limited"),
  },
});

const reset = createRoute({
  method: "post",
  path: "/api/v1/auth/password/reset",
  operationId: "resetPassword",
  security: [],
  tags: ["password"],
  summary: "Set a new password with the mailed token (ends every session)",
  request: jsonBody(ResetPasswordBody),
  responses: {
    204: noContent("Password replaced"),
    ...authErrors.responses(
      "malformed-json",
      "invalid-token",
      "token-expired",
      "weak-password",
      "validation-failed",
      "rate-limited",
    ),
  },
});

/** The password resource: change (signed in), forgot and reset (by mail). */
export class PasswordController implements Controller {
  constructor(private readonly guard: HonoGuard) {}

  register(app: OpenAPIHono<AppEnv>): void {
    const { guard } = this;

    app.openapi({ ...change, middleware: [guard.authenticate()] }, async (c) => {
      const result = await c.var.scope
        .useCase(ChangePasswordUseCase, T.Deps)
        .execute({ actor: actorOf(guard, c), ...c.req.valid("json") });
      if (!result.ok) return authErrors.problem(c, result.error);
      return c.body(null, 204);
    });

    app.openapi(forgot, async (c) => {
      const result = await c.var.scope.useCase(ForgotPasswordUseCase, T.Deps).execute(c.req.valid("json"));
      if (!result.ok) return authErrors.problem(c, result.error);
      return c.json(FORGOT_ACCEPTED, 202);
    });

    app.openapi(reset, async (c) => {
      const result = await c.var.scope.useCase(ResetPasswordUseCase, T.Deps).execute(c.req.valid("json"));
      if (!result.ok) return authErrors.problem(c, result.error);
      return c.body(null, 204);
    });
  }
}
