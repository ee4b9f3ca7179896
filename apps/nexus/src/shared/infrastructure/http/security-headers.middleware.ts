import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env";
import { setResponseHeaders } from "./response-headers";

/**
 * Hardening for every response. API responses forbid everything (`default-src 'none'`); HTML pages
 * (docs, problem pages) keep only the anti-framing rule so their scripts and styles still load.
 * Handlers that chose their own Cache-Control or CSP keep them.
 */
export function securityHeadersMiddleware(options: { hsts: boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const isHtml = c.res.headers.get("content-type")?.startsWith("text/html") ?? false;
    const headers: Record<string, string> = {
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "no-referrer",
    };
    if (!c.res.headers.has("Content-Security-Policy")) {
      headers["Content-Security-Policy"] = isHtml
        ? "frame-ancestors 'none'"
        : "default-src 'none'; frame-ancestors 'none'";
    }
    if (!c.res.headers.has("Cache-Control")) headers["Cache-Control"] = "no-store";
    if (options.hsts) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
    setResponseHeaders(c, headers);
  };
}
