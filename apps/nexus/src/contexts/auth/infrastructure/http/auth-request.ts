import type { Context, MiddlewareHandler } from "hono";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { AuthenticatedActor } from "../../application/actor";
import type { AuthGuard } from "../../contracts/auth-guard";
import type { Role } from "../../domain/role.value-object";

export type HonoGuard = AuthGuard<MiddlewareHandler, Context>;

/** The verified caller, as the use cases take it. The guard has checked every claim's format. */
export function actorOf(guard: HonoGuard, c: Context): AuthenticatedActor {
  const caller = guard.caller(c);
  return {
    userId: caller.userId as Uuid,
    sessionId: caller.sessionId as Uuid,
    organizationId: caller.organizationId as Uuid | null,
    role: caller.role as Role | null,
  };
}

/** Responses carrying tokens or account data must never sit in a shared cache. */
export const NO_STORE = { "Cache-Control": "no-store" } as const;
