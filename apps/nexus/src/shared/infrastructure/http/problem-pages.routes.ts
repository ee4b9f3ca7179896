import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./app-env";
import { problemResponse, problemTitle } from "./problem";
import { PLATFORM_PROBLEMS, type ProblemSpec } from "./problem-catalog";

const CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * `/problems/<code>`: the human page a problem's `type` points at. The platform's catalog plus the
 * codes the contexts' controllers declare; any other code gets a page derived from the code rather
 * than a dead link.
 */
export function registerProblemPages(
  app: OpenAPIHono<AppEnv>,
  contextTypes: Readonly<Record<string, ProblemSpec>> = {},
): void {
  const catalog: Readonly<Record<string, ProblemSpec>> = { ...PLATFORM_PROBLEMS, ...contextTypes };
  app.get("/problems/:code", (c) => {
    const code = c.req.param("code");
    if (!CODE.test(code)) {
      return problemResponse(c, { status: 404, code: "not-found", detail: "No such problem type." });
    }
    const info = catalog[code];
    const title = info?.title ?? problemTitle(code);
    const description =
      info?.description ?? "The request was refused for the reason named above; the response's detail says more.";
    const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} — Nexus API</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>${escapeHtml(title)}</h1>
<p><code>${escapeHtml(code)}</code>${info ? ` · HTTP ${info.status}` : ""}</p>
<p>${escapeHtml(description)}</p>
<p>Nexus API errors are <a href="https://www.rfc-editor.org/rfc/rfc9457">RFC 9457</a> problem details
(<code>application/problem+json</code>). Each carries a <code>traceId</code>: quote it when asking for help.</p>
</body></html>`;
    return c.html(html, 200, { "Cache-Control": "public, max-age=3600" });
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
