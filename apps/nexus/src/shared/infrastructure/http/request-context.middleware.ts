import type { MiddlewareHandler } from "hono";
import type { Config } from "@/shared/infrastructure/config/config.schema";
import { resolveClientIp } from "@/shared/infrastructure/request-context/client-ip";
import { type RequestContext, runWithRequestContext } from "@/shared/infrastructure/request-context/request-context";
import {
  continueTrace,
  formatTraceparent,
  parseTraceparent,
} from "@/shared/infrastructure/request-context/trace-context";
import type { AppEnv } from "./app-env";
import { setResponseHeaders } from "./response-headers";

/** A caller-supplied request id is echoed only if it is short and harmless in logs and headers. */
const SAFE_REQUEST_ID = /^[\w.:@-]{1,128}$/;

/**
 * Outermost middleware: continues (or starts) the W3C trace, picks the request id (the caller's,
 * else the trace id), resolves the client IP, and runs the rest of the request inside that context.
 */
export function requestContextMiddleware(config: Pick<Config, "TRUST_PROXY_HOPS">): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const trace = continueTrace(parseTraceparent(c.req.header("traceparent")));
    const incomingId = c.req.header("x-request-id");
    const ctx: RequestContext = {
      requestId: incomingId && SAFE_REQUEST_ID.test(incomingId) ? incomingId : trace.traceId,
      traceId: trace.traceId,
      spanId: trace.spanId,
      ip: resolveClientIp(c.env?.remoteAddress, c.req.header("x-forwarded-for"), config.TRUST_PROXY_HOPS),
      userAgent: c.req.header("user-agent") ?? null,
      method: c.req.method,
      path: c.req.path,
    };
    c.set("requestContext", ctx);
    await runWithRequestContext(ctx, () => next());
    setResponseHeaders(c, { "x-request-id": ctx.requestId, traceparent: formatTraceparent(trace) });
  };
}
