import type { ContentfulStatusCode } from "hono/utils/http-status";
import { currentRequestContext } from "@/shared/infrastructure/request-context/request-context";
import { PLATFORM_PROBLEMS } from "./problem-catalog";

/** One invalid field of a request: RFC 6901 JSON pointer into the validated input, and why. */
export interface FieldError {
  readonly pointer: string;
  readonly message: string;
}

export interface ProblemInit {
  readonly status: ContentfulStatusCode;
  /** Stable kebab-case code; also names the problem type `/problems/<code>`. */
  readonly code: string;
  readonly title?: string;
  readonly detail?: string;
  readonly errors?: readonly FieldError[];
  /** Extension members (RFC 9457 §3.2), e.g. the shortages of an `insufficient-stock`. */
  readonly extensions?: Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Any Hono context fits; only the path is needed. */
export interface RequestLike {
  readonly req: { readonly path: string };
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** The platform catalogue's title, else the code read aloud ("last-owner" → "Last owner"). */
export function problemTitle(code: string): string {
  const known = (PLATFORM_PROBLEMS as Readonly<Record<string, { title: string }>>)[code]?.title;
  if (known) return known;
  const words = code.replace(/[-_.]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function problemType(code: string): string {
  return `/problems/${encodeURIComponent(code)}`;
}

/** The RFC 9457 body; `instance` is the request path and `traceId` ties it to the logs. */
export function problemBody(init: ProblemInit, instance: string, traceId: string | undefined): Record<string, unknown> {
  return {
    ...init.extensions,
    type: problemType(init.code),
    title: init.title ?? problemTitle(init.code),
    status: init.status,
    detail: init.detail ?? problemTitle(init.code),
    instance,
    code: init.code,
    traceId: traceId ?? null,
    ...(init.errors ? { errors: init.errors } : {}),
  };
}

/**
 * Builds any problem+json response (the rate limiter adds `Retry-After`/`RateLimit` via `headers`).
 * Like `respond`, the return type follows the context, so an OpenAPIHono handler may return it directly.
 */
export function problemResponse<R = Response>(c: RequestLike, init: ProblemInit): R {
  const traceId = currentRequestContext()?.traceId;
  const body = JSON.stringify(problemBody(init, c.req.path, traceId));
  const headers = new Headers(init.headers);
  headers.set("content-type", PROBLEM_CONTENT_TYPE);
  return new Response(body, { status: init.status, headers }) as R;
}

/**
 * Thrown from anywhere below the edge (middleware, guards) to answer with a problem; the error handler
 * renders it. Handlers can also just `return problemResponse(...)`.
 */
export class ProblemError extends Error {
  override readonly name = "ProblemError";
  constructor(readonly problem: ProblemInit) {
    super(problem.detail ?? problem.code);
  }
}
