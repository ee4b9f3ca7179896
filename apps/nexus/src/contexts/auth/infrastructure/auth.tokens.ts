import type { Context, MiddlewareHandler } from "hono";
import { token } from "@/shared/infrastructure/container/token";
import type { AuthDeps } from "../application/auth-deps";
import type { AuthGuard } from "../contracts/auth-guard";
import type { AuthSecurity } from "./security/create-auth-security";
import type { RevocationFeed } from "./security/revocation-feed";

/** The auth context's container tokens. Other contexts never resolve these: they receive the guard. */
export const AuthTokens = {
  Security: token<AuthSecurity>("auth.Security"),
  Deps: token<AuthDeps>("auth.Deps"),
  Guard: token<AuthGuard<MiddlewareHandler, Context>>("auth.Guard"),
  RevocationFeed: token<RevocationFeed>("auth.RevocationFeed"),
} as const;
