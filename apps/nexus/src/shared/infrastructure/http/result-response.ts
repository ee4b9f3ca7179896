import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { DomainError, Result } from "@/shared/domain/result";
import { problemResponse } from "./problem";

export interface RespondOptions<E extends DomainError> {
  readonly ok: 200 | 201 | 202 | 204;
  /** HTTP status per domain error code; unmapped codes answer 422. */
  readonly errors?: { readonly [C in E["code"]]?: ContentfulStatusCode };
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Maps a use case's Result to the response: the value as JSON with `ok` (no body for 204), or the
 * domain error as a problem whose `detail` is its message and whose extra fields become extensions.
 *
 * The return type is inferred from where it is returned, so `return respond(...)` satisfies an
 * OpenAPIHono handler's typed responses; the status/shape contract is the route definition's.
 */
export function respond<R = Response, T = unknown, E extends DomainError = DomainError>(
  c: Context,
  result: Result<T, E>,
  options: RespondOptions<E>,
): R {
  if (result.ok) {
    const init = { status: options.ok, headers: { ...options.headers } };
    const response =
      options.ok === 204 ? new Response(null, init) : c.json(result.value as never, options.ok, { ...options.headers });
    return response as R;
  }
  const { code, message, ...extensions } = result.error;
  const errors = options.errors as Readonly<Record<string, ContentfulStatusCode | undefined>> | undefined;
  const status = errors?.[code] ?? 422;
  return problemResponse<R>(c, { status, code, detail: message, extensions, headers: options.headers });
}
