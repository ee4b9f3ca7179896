import type { Context, MiddlewareHandler } from "hono";
import type { DomainError, Result } from "@/shared/domain/result";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { problemResponse } from "@/shared/infrastructure/http/problem";
import type { RespondOptions } from "@/shared/infrastructure/http/result-response";
import { respond } from "@/shared/infrastructure/http/result-response";
import { currentRequestContext } from "@/shared/infrastructure/request-context/request-context";
import type { AuthenticatedActor, RequestMeta } from "../../application/actor";
import type { AuthGuard } from "../../contracts/auth-guard";
import type { Role } from "../../domain/role.value-object";

export type HonoGuard = AuthGuard<MiddlewareHandler, Context>;

/** Where the request came from (client IP after TRUST_PROXY_HOPS, user agent), for sessions and audit. */
export function requestMeta(): RequestMeta {
  const context = currentRequestContext();
  return { ip: context?.ip ?? null, userAgent: context?.userAgent ?? null };
}

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

/**
 * `respond` with the auth conventions: the application's `validation` error is the platform's
 * 422 `validation-failed` (same `errors` array of pointers), so clients see one shape for both.
 */
export function respondAuth<R = Response, T = unknown, E extends DomainError = DomainError>(
  c: Context,
  result: Result<T, E>,
  options: RespondOptions<E>,
): R {
  if (!result.ok && result.error.code === "validation") {
    const { code: _code, message, ...extensions } = result.error;
    return problemResponse<R>(c, { status: 422, code: "validation-failed", detail: message, extensions });
  }
  return respond<R, T, E>(c, result, options);
}

/** A path id that is not a UUIDv7 names nothing: 404, like an id of another tenant. */
export function parsePathId(value: string): Uuid | null {
  const parsed = Uuid.parse(value);
  return parsed.ok ? parsed.value : null;
}

export function notFoundResponse<R = Response>(c: Context, what: string): R {
  return problemResponse<R>(c, { status: 404, code: "not-found", detail: `${what} not found` });
}

/** For values a schema has already checked with `IdField`: the canonical (lower-case) Uuid. */
export function toUuid(value: string): Uuid {
  const parsed = Uuid.parse(value);
  if (!parsed.ok) throw new Error(`not a UUIDv7 after validation: ${value}`);
  return parsed.value;
}
