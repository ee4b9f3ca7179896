import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "./app-env";
import { problemResponse } from "./problem";

/** Rejects bodies over BODY_LIMIT_BYTES, by Content-Length up front or while streaming a chunked body. */
export function bodyLimitMiddleware(maxBytes: number): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      problemResponse(c, {
        status: 413,
        code: "payload-too-large",
        detail: `The request body exceeds the limit of ${maxBytes} bytes.`,
      }),
  });
  // GET, HEAD and OPTIONS carry no body worth limiting; skip the wrapper on the hot read path.
  return (c, next) => (BODYLESS.has(c.req.method) ? next() : limit(c, next));
}

const BODYLESS = new Set(["GET", "HEAD", "OPTIONS"]);
