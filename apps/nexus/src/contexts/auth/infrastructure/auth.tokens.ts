import type { Context, MiddlewareHandler } from "hono";
import { token } from "@/shared/infrastructure/container/token";
import type { AuthDeps } from "../application/auth-deps";
import type { AuthGuard } from "../contracts/auth-guard";
import type { AuthSecurity } from "./security/create-auth-security";
import type { RevocationFeed } from "./security/revocation-feed";

/**
 * The auth context's container tokens (singletons). Use cases need none: controllers build them per
 * request with `c.var.scope.useCase(XUseCase, AuthTokens.Deps)`. Other contexts never resolve these:
 * the composition root hands them the module's public services.
 */
export const AuthTokens = {
  Security: token<AuthSecurity>("auth.Security"),
  Deps: token<AuthDeps>("auth.Deps"),
  Guard: token<AuthGuard<MiddlewareHandler, Context>>("auth.Guard"),
  RevocationFeed: token<RevocationFeed>("auth.RevocationFeed"),
} as const;
