import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { declareApiTags } from "@/shared/infrastructure/http/openapi.routes";
import { toUuid } from "@/shared/infrastructure/http/path-id";
import { jsonBody, jsonResponse } from "@/shared/infrastructure/http/route-parts";
import { requestOrigin } from "@/shared/infrastructure/request-context/request-context";
import { GetMeUseCase } from "../../application/use-cases/get-me.use-case";
import { LoginUseCase } from "../../application/use-cases/login.use-case";
import { RefreshTokensUseCase } from "../../application/use-cases/refresh-tokens.use-case";
import { RegisterUserUseCase } from "../../application/use-cases/register-user.use-case";
import { SwitchOrganizationUseCase } from "../../application/use-cases/switch-organization.use-case";
import { BEARER_AUTH } from "../../contracts/auth-guard";
import { AuthTokens as T } from "../auth.tokens";
import { AUTH_API_TAGS } from "./auth.api-tags";
import { loginJson, meJson, switchOrganizationJson, tokenPairJson } from "./auth.json";
import { authErrors } from "./auth.problems";
import {
  AcceptedSchema,
  LoginBody,
  LoginResponse,
  MeResponse,
  RefreshBody,
  RegisterBody,
  SwitchOrganizationBody,
  SwitchOrganizationResponse,
} from "./auth.schemas";
import { actorOf, type HonoGuard, NO_STORE } from "./auth-request";
import { TokenPairSchema } from "./common.schemas";

/** Same words whether or not the email was free: registering must not reveal who has an account. */
export const REGISTER_ACCEPTED = {
  message:
    "If this email can be registered, a verification mail is on its way. Follow its link to activate the account.",
} as const;

const register = createRoute({
  method: "post",
  path: "/api/v1/auth/register",
  operationId: "register",
  security: [],
  tags: ["auth"],
  summary: "Create an account (sends a verification mail)",
  description: "Answers 202 with the same body whether or not the email already has an account.",
  request: jsonBody(RegisterBody),
  responses: {
    202: jsonResponse(AcceptedSchema, "Accepted"),
    ...authErrors.responses(
      "malformed-json",
      "payload-too-large",
      "unsupported-media-type",
      "validation-failed",
      "rate-limited",
      "service-unavailable",
    ),
  },
});

const login = createRoute({
  method: "post",
  path: "/api/v1/auth/login",
  operationId: "login",
  security: [],
  tags: ["auth"],
  summary: "Sign in with email and password",
  description:
    "An unknown email, a wrong password and a temporarily locked account all answer the same 401 " +
    "`invalid-credentials`. An unverified email is only revealed (403 `email-not-verified`) after a correct password.",
  request: jsonBody(LoginBody),
  responses: {
    200: jsonResponse(LoginResponse, "Signed in: a token pair, the user and their organizations"),
    ...authErrors.responses(
      "malformed-json",
      "invalid-credentials",
      "email-not-verified",
      "not-found",
      "validation-failed",
      "rate-limited",
      "service-unavailable",
    ),
  },
});

const refresh = createRoute({
  method: "post",
  path: "/api/v1/auth/refresh",
  operationId: "refreshTokens",
  security: [],
  tags: ["auth"],
  summary: "Rotate the refresh token and get a new access token",
  description: "Presenting an already-rotated refresh token ends the whole session (401 `reuse-detected`).",
  request: jsonBody(RefreshBody),
  responses: {
    200: jsonResponse(TokenPairSchema, "A new token pair"),
    ...authErrors.responses(
      "malformed-json",
      "session-ended",
      "session-expired",
      "reuse-detected",
      "validation-failed",
      "rate-limited",
      "service-unavailable",
    ),
  },
});

const me = createRoute({
  method: "get",
  path: "/api/v1/auth/me",
  operationId: "getMe",
  tags: ["auth"],
  summary: "The signed-in user, their organizations and the session's current organization",
  security: BEARER_AUTH,
  responses: { 200: jsonResponse(MeResponse, "The caller"), ...authErrors.responses("unauthenticated", "not-found") },
});

const switchOrganization = createRoute({
  method: "post",
  path: "/api/v1/auth/switch-organization",
  operationId: "switchOrganization",
  tags: ["auth"],
  summary: "Move this session to another of your organizations (rotates the refresh token)",
  security: BEARER_AUTH,
  request: jsonBody(SwitchOrganizationBody),
  responses: {
    200: jsonResponse(SwitchOrganizationResponse, "A new token pair acting in that organization"),
    ...authErrors.responses("unauthenticated", "session-ended", "not-found", "validation-failed"),
  },
});

/** Registration, sign-in, token refresh and the caller's identity. */
export class AuthController implements Controller {
  constructor(private readonly guard: HonoGuard) {}

  register(app: OpenAPIHono<AppEnv>): void {
    declareApiTags(app, AUTH_API_TAGS);
    const { guard } = this;

    app.openapi(register, async (c) => {
      const result = await c.var.scope.useCase(RegisterUserUseCase, T.Deps).execute(c.req.valid("json"));
      if (!result.ok) return authErrors.problem(c, result.error);
      return c.json(REGISTER_ACCEPTED, 202);
    });

    app.openapi(login, async (c) => {
      const { email, password, organizationId } = c.req.valid("json");
      const result = await c.var.scope.useCase(LoginUseCase, T.Deps).execute({
        email,
        password,
        organizationId: organizationId === undefined ? null : toUuid(organizationId),
        origin: requestOrigin(),
      });
      if (!result.ok) return authErrors.problem(c, result.error, NO_STORE);
      return c.json(loginJson(result.value), 200, NO_STORE);
    });

    app.openapi(refresh, async (c) => {
      const result = await c.var.scope.useCase(RefreshTokensUseCase, T.Deps).execute(c.req.valid("json"));
      if (!result.ok) return authErrors.problem(c, result.error, NO_STORE);
      return c.json(tokenPairJson(result.value), 200, NO_STORE);
    });

    app.openapi({ ...me, middleware: [guard.authenticate()] }, async (c) => {
      const result = await c.var.scope.useCase(GetMeUseCase, T.Deps).execute({ actor: actorOf(guard, c) });
      if (!result.ok) return authErrors.problem(c, result.error, NO_STORE);
      return c.json(meJson(result.value), 200, NO_STORE);
    });

    app.openapi({ ...switchOrganization, middleware: [guard.authenticate()] }, async (c) => {
      const result = await c.var.scope.useCase(SwitchOrganizationUseCase, T.Deps).execute({
        actor: actorOf(guard, c),
        organizationId: toUuid(c.req.valid("json").organizationId),
      });
      if (!result.ok) return authErrors.problem(c, result.error, NO_STORE);
      return c.json(switchOrganizationJson(result.value), 200, NO_STORE);
    });
  }
}
