import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { map } from "@/shared/domain/result";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { declareApiTags } from "@/shared/infrastructure/http/openapi.routes";
import { problemResponses } from "@/shared/infrastructure/http/problem.schema";
import type { GetMeUseCase } from "../../application/use-cases/get-me.use-case";
import type { LoginUseCase } from "../../application/use-cases/login.use-case";
import type { RefreshTokensUseCase } from "../../application/use-cases/refresh-tokens.use-case";
import type { RegisterUserUseCase } from "../../application/use-cases/register-user.use-case";
import type { SwitchOrganizationUseCase } from "../../application/use-cases/switch-organization.use-case";
import { BEARER_AUTH } from "../../contracts/auth-guard";
import { AUTH_API_TAGS } from "./auth.api-tags";
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
import { AUTH_PROBLEM_TYPES } from "./auth-problem-types";
import { actorOf, type HonoGuard, NO_STORE, requestMeta, respondAuth, toUuid } from "./auth-request";
import { TokenPairSchema } from "./common.schemas";
import { jsonBody, jsonResponse } from "./route-parts";

export interface AuthControllerDeps {
  readonly guard: HonoGuard;
  readonly registerUser: RegisterUserUseCase;
  readonly login: LoginUseCase;
  readonly refreshTokens: RefreshTokensUseCase;
  readonly getMe: GetMeUseCase;
  readonly switchOrganization: SwitchOrganizationUseCase;
}

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
  responses: { 202: jsonResponse(AcceptedSchema, "Accepted"), ...problemResponses(400, 413, 415, 422, 429, 503) },
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
    ...problemResponses(400, 401, 403, 404, 422, 429, 503),
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
  responses: { 200: jsonResponse(TokenPairSchema, "A new token pair"), ...problemResponses(400, 401, 422, 429, 503) },
});

const me = createRoute({
  method: "get",
  path: "/api/v1/auth/me",
  operationId: "getMe",
  tags: ["auth"],
  summary: "The signed-in user, their organizations and the session's current organization",
  security: BEARER_AUTH,
  responses: { 200: jsonResponse(MeResponse, "The caller"), ...problemResponses(401, 404) },
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
    ...problemResponses(401, 404, 422),
  },
});

/** Registration, sign-in, token refresh and the caller's identity. */
export class AuthController implements Controller {
  readonly problemTypes = AUTH_PROBLEM_TYPES;

  constructor(private readonly deps: AuthControllerDeps) {}

  register(app: OpenAPIHono<AppEnv>): void {
    declareApiTags(app, AUTH_API_TAGS);
    const { guard } = this.deps;

    app.openapi(register, async (c) => {
      const input = c.req.valid("json");
      const result = await this.deps.registerUser.execute({ ...input, meta: requestMeta() });
      return respondAuth(
        c,
        map(result, () => REGISTER_ACCEPTED),
        { ok: 202 },
      );
    });

    app.openapi(login, async (c) => {
      const { email, password, organizationId } = c.req.valid("json");
      const result = await this.deps.login.execute({
        email,
        password,
        organizationId: organizationId === undefined ? null : toUuid(organizationId),
        meta: requestMeta(),
      });
      return respondAuth(c, result, {
        ok: 200,
        errors: { "invalid-credentials": 401, "email-not-verified": 403, "not-found": 404 },
        headers: NO_STORE,
      });
    });

    app.openapi(refresh, async (c) => {
      const { refreshToken } = c.req.valid("json");
      const result = await this.deps.refreshTokens.execute({ refreshToken, meta: requestMeta() });
      return respondAuth(c, result, {
        ok: 200,
        errors: { "invalid-token": 401, "token-expired": 401, "reuse-detected": 401 },
        headers: NO_STORE,
      });
    });

    app.openapi({ ...me, middleware: [guard.authenticate()] }, async (c) => {
      const result = await this.deps.getMe.execute({ actor: actorOf(guard, c) });
      return respondAuth(c, result, { ok: 200, errors: { "not-found": 404 }, headers: NO_STORE });
    });

    app.openapi({ ...switchOrganization, middleware: [guard.authenticate()] }, async (c) => {
      const { organizationId } = c.req.valid("json");
      const result = await this.deps.switchOrganization.execute({
        actor: actorOf(guard, c),
        organizationId: toUuid(organizationId),
        meta: requestMeta(),
      });
      return respondAuth(c, result, {
        ok: 200,
        errors: { "not-found": 404, "invalid-token": 401 },
        headers: NO_STORE,
      });
    });
  }
}
