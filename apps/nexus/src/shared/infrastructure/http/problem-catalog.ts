/** Platform problem types with a status and a longer explanation for their `/problems/<code>` page. */
export interface ProblemTypeInfo {
  readonly status: number;
  readonly description: string;
}

export const PROBLEM_CATALOG: Readonly<Record<string, ProblemTypeInfo>> = {
  "bad-request": { status: 400, description: "The request could not be understood." },
  "malformed-json": { status: 400, description: "The request body is not well-formed JSON." },
  unauthenticated: {
    status: 401,
    description: "The request needs a valid access token in the Authorization header (Bearer scheme).",
  },
  forbidden: { status: 403, description: "Your role in this organization does not allow this operation." },
  "not-found": { status: 404, description: "The resource does not exist, or is not visible to your organization." },
  "method-not-allowed": {
    status: 405,
    description: "The resource exists but does not support this HTTP method. The Allow header lists those it does.",
  },
  conflict: { status: 409, description: "The request conflicts with the current state of the resource." },
  "payload-too-large": { status: 413, description: "The request body is larger than the server accepts." },
  "unsupported-media-type": {
    status: 415,
    description: "The request body must be JSON, sent with Content-Type: application/json.",
  },
  "validation-failed": {
    status: 422,
    description: "Some fields are invalid. Each entry of `errors` has a JSON pointer to the field and a message.",
  },
  "invalid-value": {
    status: 422,
    description:
      "A value in the request is out of range or cannot be stored (e.g. a date outside years 0001–9999, a NUL character).",
  },
  "rate-limited": {
    status: 429,
    description: "Too many requests. Wait for the number of seconds in Retry-After before trying again.",
  },
  "internal-error": {
    status: 500,
    description: "An unexpected error occurred on the server. Quote the traceId when reporting it.",
  },
  "service-unavailable": {
    status: 503,
    description: "A service the request depends on is temporarily unavailable. Try again later.",
  },
};
