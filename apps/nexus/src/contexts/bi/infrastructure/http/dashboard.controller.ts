import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import type { Controller } from "@/shared/infrastructure/http/controller";

/** Same-origin only: no inline script or style, no CDN (uPlot comes from the project's dependencies). */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

interface Asset {
  readonly body: string;
  readonly type: string;
}

function loadAssets(): Record<string, Asset> {
  const require = createRequire(import.meta.url);
  const own = (name: string) => readFileSync(new URL(`./dashboard/${name}`, import.meta.url), "utf8");
  const uplot = (file: string) => readFileSync(require.resolve(`uplot/dist/${file}`), "utf8");
  return {
    "/dashboard": { body: own("index.html"), type: "text/html; charset=utf-8" },
    "/dashboard/dashboard.js": { body: own("dashboard.js"), type: "text/javascript; charset=utf-8" },
    "/dashboard/dashboard.css": { body: own("dashboard.css"), type: "text/css; charset=utf-8" },
    "/dashboard/vendor/uPlot.iife.min.js": { body: uplot("uPlot.iife.min.js"), type: "text/javascript; charset=utf-8" },
    "/dashboard/vendor/uPlot.min.css": { body: uplot("uPlot.min.css"), type: "text/css; charset=utf-8" },
  };
}

/** Serves the BI dashboard: a static page that reads the bi API with the signed-in user's token. */
export class DashboardController implements Controller {
  private readonly assets = loadAssets();

  register(app: OpenAPIHono<AppEnv>): void {
    for (const [path, asset] of Object.entries(this.assets)) {
      app.get(path, (c) => {
        c.header("Content-Type", asset.type);
        c.header("Content-Security-Policy", CSP);
        c.header("Cache-Control", "no-cache");
        return c.body(asset.body);
      });
    }
  }
}
