import type { Context, MiddlewareHandler } from "hono";
import type { AuthGuard } from "@/contexts/auth/contracts/auth-guard";
import { type Uuid, Uuid as UuidValue } from "@/shared/domain/uuid.value-object";

export type HonoGuard = AuthGuard<MiddlewareHandler, Context>;

/** The tenant of a request behind `requirePermission`: the verified token's organization, never a header. */
export function organizationOf(guard: HonoGuard, c: Context): Uuid {
  return guard.organizationCaller(c).organizationId as Uuid;
}

export const pageOf = (query: { limit: number; cursor?: string | undefined }) => ({
  limit: query.limit,
  cursor: query.cursor ?? null,
});

/** A path id that is not a UUIDv7 names nothing: 404, like another organization's id. */
export function pathId(value: string): Uuid | null {
  const parsed = UuidValue.parse(value);
  return parsed.ok ? parsed.value : null;
}
