import type { Context, MiddlewareHandler } from "hono";
import type { AuthGuard } from "@/contexts/auth/contracts/auth-guard";
import type { Uuid } from "@/shared/domain/uuid.value-object";

export type HonoGuard = AuthGuard<MiddlewareHandler, Context>;

/** The tenant of a request behind `requirePermission`: the verified token's organization, never a header. */
export function organizationOf(guard: HonoGuard, c: Context): Uuid {
  return guard.organizationCaller(c).organizationId as Uuid;
}
