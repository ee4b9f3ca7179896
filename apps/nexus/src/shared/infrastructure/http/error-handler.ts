import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { translateDatabaseError } from "@/shared/infrastructure/database/database.errors";
import {
  ConflictError,
  InvalidDataError,
  ServiceUnavailableError,
} from "@/shared/infrastructure/errors/infrastructure.errors";
import type { Logger } from "@/shared/infrastructure/logging/logger";
import type { AllowedMethods } from "./allowed-methods";
import type { AppEnv } from "./app-env";
import { ProblemError, problemResponse } from "./problem";

const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: "bad-request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not-found",
  405: "method-not-allowed",
  409: "conflict",
  413: "payload-too-large",
  415: "unsupported-media-type",
  422: "validation-failed",
  429: "rate-limited",
  500: "internal-error",
  503: "service-unavailable",
};

/** The one place where thrown errors become problem+json. Nothing internal reaches the client. */
export function createErrorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    if (error instanceof ProblemError) return problemResponse(c, error.problem);
    if (error instanceof HTTPException) return fromHttpException(error, c);
    const translated = translateDatabaseError(error);
    if (translated instanceof ServiceUnavailableError) {
      logger.warn({ err: error, dependency: translated.dependency }, "dependency unavailable");
      return problemResponse(c, {
        status: 503,
        code: "service-unavailable",
        detail: "A service this request depends on is unavailable. Try again later.",
        headers: { "Retry-After": "5" },
      });
    }
    if (translated instanceof ConflictError) {
      logger.info({ constraint: translated.constraint }, "request conflicts with existing state");
      return problemResponse(c, {
        status: 409,
        code: "conflict",
        detail: "The request conflicts with the current state of the resource.",
      });
    }
    if (translated instanceof InvalidDataError) {
      // An edge validation is missing somewhere: worth a warning, never a 500 (SQLSTATE 22xxx).
      logger.warn({ sqlState: translated.sqlState, route: c.req.routePath }, "database refused a request value");
      return problemResponse(c, {
        status: 422,
        code: "invalid-value",
        detail: "A value in the request is out of range or cannot be stored.",
      });
    }
    logger.error({ err: error }, "unhandled error");
    return problemResponse(c, {
      status: 500,
      code: "internal-error",
      detail: "An unexpected error occurred. Quote the traceId when reporting it.",
    });
  };
}

function fromHttpException(error: HTTPException, c: Context<AppEnv>): Response {
  if (error.res) return error.getResponse();
  const status = error.status as ContentfulStatusCode;
  if (status === 400 && /json/i.test(error.message)) {
    return problemResponse(c, { status, code: "malformed-json", detail: "The request body is not valid JSON." });
  }
  if (status === 415) {
    return problemResponse(c, {
      status,
      code: "unsupported-media-type",
      detail: "Send the request body as application/json.",
    });
  }
  return problemResponse(c, { status, code: CODE_BY_STATUS[status] ?? `http-${status}` });
}

/** Unknown path → 404; known path, other method → 405 with `Allow` (OPTIONS gets 204 + `Allow`). */
export function createNotFoundHandler(allowed: AllowedMethods): NotFoundHandler<AppEnv> {
  return (c) => {
    const methods = allowed.for(c.req.path);
    if (methods.length === 0) {
      return problemResponse(c, { status: 404, code: "not-found", detail: `No resource at ${c.req.path}.` });
    }
    const allow = [...methods, "OPTIONS"].join(", ");
    if (c.req.method === "OPTIONS") return c.body(null, 204, { Allow: allow });
    return problemResponse(c, {
      status: 405,
      code: "method-not-allowed",
      detail: `${c.req.method} is not allowed on ${c.req.path}.`,
      headers: { Allow: allow },
    });
  };
}
