import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { map } from "@/shared/domain/result";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { problemResponses } from "@/shared/infrastructure/http/problem.schema";
import type { ListSessionsUseCase } from "../../application/use-cases/list-sessions.use-case";
import type { LogoutUseCase } from "../../application/use-cases/logout.use-case";
import type { LogoutAllUseCase } from "../../application/use-cases/logout-all.use-case";
import type { RevokeSessionUseCase } from "../../application/use-cases/revoke-session.use-case";
import { BEARER_AUTH } from "../../contracts/auth-guard";
import {
  actorOf,
  type HonoGuard,
  NO_STORE,
  notFoundResponse,
  parsePathId,
  requestMeta,
  respondAuth,
} from "./auth-request";
import { jsonResponse, noContent } from "./route-parts";
import { SessionIdParam, SessionPage } from "./sessions.schemas";

export interface SessionsControllerDeps {
  readonly guard: HonoGuard;
  readonly logout: LogoutUseCase;
  readonly logoutAll: LogoutAllUseCase;
  readonly listSessions: ListSessionsUseCase;
  readonly revokeSession: RevokeSessionUseCase;
}

const logout = createRoute({
  method: "post",
  path: "/api/v1/auth/logout",
  operationId: "logout",
  tags: ["sessions"],
  summary: "End the current session",
  security: BEARER_AUTH,
  responses: { 204: noContent("Signed out"), ...problemResponses(401) },
});

const logoutAll = createRoute({
  method: "post",
  path: "/api/v1/auth/logout-all",
  operationId: "logoutAll",
  tags: ["sessions"],
  summary: "End every session of the caller, this one included",
  security: BEARER_AUTH,
  responses: { 204: noContent("Signed out everywhere"), ...problemResponses(401) },
});

const list = createRoute({
  method: "get",
  path: "/api/v1/auth/sessions",
  operationId: "listSessions",
  tags: ["sessions"],
  summary: "The caller's active sessions, most recently used first",
  security: BEARER_AUTH,
  responses: { 200: jsonResponse(SessionPage, "Active sessions"), ...problemResponses(401) },
});

const revoke = createRoute({
  method: "delete",
  path: "/api/v1/auth/sessions/{id}",
  operationId: "revokeSession",
  tags: ["sessions"],
  summary: "End one of the caller's sessions (its tokens stop working within a second)",
  security: BEARER_AUTH,
  request: { params: SessionIdParam },
  responses: { 204: noContent("Session ended"), ...problemResponses(401, 404) },
});

/** The caller's sessions (devices): list them, end one, end this one, end all. */
export class SessionsController implements Controller {
  constructor(private readonly deps: SessionsControllerDeps) {}

  register(app: OpenAPIHono<AppEnv>): void {
    const { guard } = this.deps;
    const authenticated = { middleware: [guard.authenticate()] };

    app.openapi({ ...logout, ...authenticated }, async (c): Promise<Response> => {
      const result = await this.deps.logout.execute({ actor: actorOf(guard, c), meta: requestMeta() });
      return respondAuth(c, result, { ok: 204 });
    });

    app.openapi({ ...logoutAll, ...authenticated }, async (c): Promise<Response> => {
      const result = await this.deps.logoutAll.execute({ actor: actorOf(guard, c), meta: requestMeta() });
      return respondAuth(c, result, { ok: 204 });
    });

    app.openapi({ ...list, ...authenticated }, async (c) => {
      const result = await this.deps.listSessions.execute({ actor: actorOf(guard, c) });
      return respondAuth(
        c,
        map(result, ({ items }) => ({ items, nextCursor: null })),
        { ok: 200, headers: NO_STORE },
      );
    });

    app.openapi({ ...revoke, ...authenticated }, async (c): Promise<Response> => {
      const sessionId = parsePathId(c.req.valid("param").id);
      if (!sessionId) return notFoundResponse(c, "session");
      const result = await this.deps.revokeSession.execute({
        actor: actorOf(guard, c),
        sessionId,
        meta: requestMeta(),
      });
      return respondAuth(c, result, { ok: 204, errors: { "not-found": 404 } });
    });
  }
}
