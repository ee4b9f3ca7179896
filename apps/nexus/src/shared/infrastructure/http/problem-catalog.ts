import type { ContentfulStatusCode } from "hono/utils/http-status";

/** One row of an error catalogue: the HTTP status, the problem's title and its `/problems/<code>` page text. */
export interface ProblemSpec {
  readonly status: ContentfulStatusCode;
  readonly title: string;
  readonly description: string;
}

/** The platform's own problem codes (edge, validation, pagination, outages); contexts add theirs. */
export const PLATFORM_PROBLEMS = {
  "bad-request": { status: 400, title: "Bad request", description: "The request could not be understood." },
  "malformed-json": {
    status: 400,
    title: "Malformed JSON",
    description: "The request body is not well-formed JSON.",
  },
  unauthenticated: {
    status: 401,
    title: "Unauthenticated",
    description: "The request needs a valid access token in the Authorization header (Bearer scheme).",
  },
  forbidden: {
    status: 403,
    title: "Forbidden",
    description: "Your role in this organization does not allow this operation.",
  },
  "not-found": {
    status: 404,
    title: "Not found",
    description: "The resource does not exist, or is not visible to your organization.",
  },
  "method-not-allowed": {
    status: 405,
    title: "Method not allowed",
    description: "The resource exists but does not support this HTTP method. The Allow header lists those it does.",
  },
  conflict: {
    status: 409,
    title: "Conflict",
    description: "The request conflicts with the current state of the resource.",
  },
  "payload-too-large": {
    status: 413,
    title: "Payload too large",
    description: "The request body is larger than the server accepts.",
  },
  "unsupported-media-type": {
    status: 415,
    title: "Unsupported media type",
    description: "The request body must be JSON, sent with Content-Type: application/json.",
  },
  "validation-failed": {
    status: 422,
    title: "Validation failed",
    description: "Some fields are invalid. Each entry of `errors` has a JSON pointer to the field and a message.",
  },
  "invalid-value": {
    status: 422,
    title: "Invalid value",
    description:
      "A value in the request is out of range or cannot be stored (e.g. a date outside years 0001–9999, a NUL character).",
  },
  "invalid-cursor": {
    status: 422,
    title: "Invalid cursor",
    description: "The cursor is not one this API issued; start again without it.",
  },
  "idempotency-key-reused": {
    status: 422,
    title: "Idempotency-Key reused with a different request",
    description:
      "This Idempotency-Key was already used with a different request body on this route; use a new key for a new request.",
  },
  "rate-limited": {
    status: 429,
    title: "Too many requests",
    description: "Too many requests. Wait for the number of seconds in Retry-After before trying again.",
  },
  "internal-error": {
    status: 500,
    title: "Internal server error",
    description: "An unexpected error occurred on the server. Quote the traceId when reporting it.",
  },
  "service-unavailable": {
    status: 503,
    title: "Service unavailable",
    description: "A service the request depends on is temporarily unavailable. Try again later.",
  },
} as const satisfies Readonly<Record<string, ProblemSpec>>;

export type PlatformProblemCode = keyof typeof PLATFORM_PROBLEMS;
