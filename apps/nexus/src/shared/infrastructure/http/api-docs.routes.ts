import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./app-env";

/**
 * `/docs`: Swagger UI from the `swagger-ui-dist` package, served by us. No CDN (the page works on a
 * machine without internet) and no inline script, so the page runs under a CSP that allows only self.
 */
export const DOCS_CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Nexus API</title>
<link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/docs-init.js"></script>
</body>
</html>
`;

const INIT = `window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });\n`;

const ASSETS: Record<string, { readonly file: string; readonly type: string }> = {
  "swagger-ui-bundle.js": { file: "swagger-ui-bundle.js", type: "text/javascript; charset=utf-8" },
  "swagger-ui.css": { file: "swagger-ui.css", type: "text/css; charset=utf-8" },
};

export function registerApiDocsRoutes(app: OpenAPIHono<AppEnv>): void {
  const headers = { "Content-Security-Policy": DOCS_CONTENT_SECURITY_POLICY };
  app.get("/docs", (c) => c.html(PAGE, 200, headers));
  app.get("/docs/docs-init.js", (c) =>
    c.body(INIT, 200, { ...headers, "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache" }),
  );
  const loaded = new Map<string, string>();
  for (const [name, asset] of Object.entries(ASSETS)) {
    app.get(`/docs/${name}`, (c) => {
      // Read on first request: start-up should not pay ~1.5 MB for a page few open.
      let body = loaded.get(name);
      if (!body) {
        body = readFileSync(join(swaggerUiDirectory(), asset.file), "utf8");
        loaded.set(name, body);
      }
      return c.body(body, 200, { ...headers, "Content-Type": asset.type, "Cache-Control": "public, max-age=86400" });
    });
  }
}

function swaggerUiDirectory(): string {
  return dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
}
