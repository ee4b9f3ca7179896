import type { Context, MiddlewareHandler } from "hono";
import type { AuthGuard } from "@/contexts/auth/contracts/auth-guard";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { PageRequest } from "../../application/ports/production-read-model.port";

export type HonoGuard = AuthGuard<MiddlewareHandler, Context>;

/** The tenant of a request behind `requirePermission`: the verified token's organization, never a header. */
export function organizationOf(guard: HonoGuard, c: Context): Uuid {
  return guard.organizationCaller(c).organizationId as Uuid;
}

/** `?limit&cursor` (PageQuerySchema) as the read model's page request. */
export const pageRequest = (query: { limit: number; cursor?: string | undefined }): PageRequest => ({
  limit: query.limit,
  cursor: query.cursor ?? null,
});
