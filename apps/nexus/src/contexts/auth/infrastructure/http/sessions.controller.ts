import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import { PageQuerySchema, pageRequest } from "@/shared/infrastructure/http/common.schemas";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { parsePathId } from "@/shared/infrastructure/http/path-id";
import { jsonResponse, noContent } from "@/shared/infrastructure/http/route-parts";
import { notFound } from "../../application/auth.errors";
import { ListSessionsUseCase } from "../../application/use-cases/list-sessions.use-case";
import { LogoutUseCase } from "../../application/use-cases/logout.use-case";
import { LogoutAllUseCase } from "../../application/use-cases/logout-all.use-case";
import { RevokeSessionUseCase } from "../../application/use-cases/revoke-session.use-case";
import { BEARER_AUTH } from "../../contracts/auth-guard";
import { AuthTokens as T } from "../auth.tokens";
import { sessionJson } from "./auth.json";
import { authErrors } from "./auth.problems";
import { actorOf, type HonoGuard, NO_STORE } from "./auth-request";
import { SessionIdParam, SessionPage } from "./sessions.schemas";

const logout = createRoute({
  method: "post",
  path: "/api/v1/auth/logout",
  operationId: "logout",
  tags: ["sessions"],
  summary: "End the current session",
  security: BEARER_AUTH,
  responses: { 204: noContent("Signed out"), ...authErrors.responses("unauthenticated") },
});

const logoutAll = createRoute({
  method: "post",
  path: "/api/v1/auth/logout-all",
  operationId: "logoutAll",
  tags: ["sessions"],
  summary: "End every session of the caller, this one included",
  security: BEARER_AUTH,
  responses: { 204: noContent("Signed out everywhere"), ...authErrors.responses("unauthenticated") },
});

const list = createRoute({
  method: "get",
  path: "/api/v1/auth/sessions",
  operationId: "listSessions",
  tags: ["sessions"],
  summary: "The caller's active sessions, most recently used first",
  security: BEARER_AUTH,
  request: { query: PageQuerySchema },
  responses: {
    200: jsonResponse(SessionPage, "A page of active sessions"),
    ...authErrors.responses("unauthenticated", "validation-failed", "invalid-cursor"),
  },
});

const revoke = createRoute({
  method: "delete",
  path: "/api/v1/auth/sessions/{id}",
  operationId: "revokeSession",
  tags: ["sessions"],
  summary: "End one of the caller's sessions (its tokens stop working within a second)",
  security: BEARER_AUTH,
  request: { params: SessionIdParam },
  responses: { 204: noContent("Session ended"), ...authErrors.responses("unauthenticated", "not-found") },
});

/** The caller's sessions (devices): list them, end one, end this one, end all. */
export class SessionsController implements Controller {
  constructor(private readonly guard: HonoGuard) {}

  register(app: OpenAPIHono<AppEnv>): void {
    const { guard } = this;
    const authenticated = { middleware: [guard.authenticate()] };

    app.openapi({ ...logout, ...authenticated }, async (c) => {
      const result = await c.var.scope.useCase(LogoutUseCase, T.Deps).execute({ actor: actorOf(guard, c) });
      if (!result.ok) return authErrors.problem(c, result.error);
      return c.body(null, 204);
    });

    app.openapi({ ...logoutAll, ...authenticated }, async (c) => {
      const result = await c.var.scope.useCase(LogoutAllUseCase, T.Deps).execute({ actor: actorOf(guard, c) });
      if (!result.ok) return authErrors.problem(c, result.error);
      return c.body(null, 204);
    });

    app.openapi({ ...list, ...authenticated }, async (c) => {
      const result = await c.var.scope
        .useCase(ListSessionsUseCase, T.Deps)
        .execute({ actor: actorOf(guard, c), page: pageRequest(c.req.valid("query")) });
      if (!result.ok) return authErrors.problem(c, result.error);
      const { items, nextCursor } = result.value;
      return c.json({ items: items.map(sessionJson), nextCursor }, 200, NO_STORE);
    });

    app.openapi({ ...revoke, ...authenticated }, async (c) => {
      const sessionId = parsePathId(c.req.valid("param").id);
      if (!sessionId) return authErrors.problem(c, notFound("session"));
      const result = await c.var.scope
        .useCase(RevokeSessionUseCase, T.Deps)
        .execute({ actor: actorOf(guard, c), sessionId });
      if (!result.ok) return authErrors.problem(c, result.error);
      return c.body(null, 204);
    });
  }
}
