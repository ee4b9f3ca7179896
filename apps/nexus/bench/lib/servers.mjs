// How each benchmarked server is started. All run on Bun (the runtime Nexus ships on), bound to loopback.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { HOST } from "./readiness.mjs";

export const APP_DIR = fileURLToPath(new URL("../..", import.meta.url));
// npm workspaces hoist the bun package to the repository root; a standalone install puts it beside the app.
export const BUN =
  ["../../node_modules/.bin/bun", "../../../../node_modules/.bin/bun"]
    .map((rel) => fileURLToPath(new URL(rel, import.meta.url)))
    .find((path) => existsSync(path)) ?? "bun";

/** Servers get an environment built from scratch, so a DATABASE_URL or REDIS_URL in the caller's shell cannot leak in. */
function baseEnv() {
  const keep = ["PATH", "HOME", "LANG", "TMPDIR"];
  return Object.fromEntries(keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]]));
}

/**
 * @typedef {{ mode: string, label: string, args: string[], readyPath: string, restartOnExistingData: boolean,
 *   env: (port: number) => Record<string, string> }} ServerSpec
 */

/** @returns {ServerSpec} */
export function bareHono() {
  return {
    mode: "bare",
    label: "bare Hono (Bun.serve)",
    args: ["bench/bare-hono.app.ts"],
    readyPath: "/health/live",
    restartOnExistingData: false,
    env: (port) => ({ ...baseEnv(), PORT: String(port) }),
  };
}

/** @returns {ServerSpec} */
export function nexus({ mode, label, dataDir, logLevel, databaseUrl, extraEnv = {} }) {
  return {
    mode,
    label,
    args: ["src/app/main.ts"],
    readyPath: "/health/ready",
    restartOnExistingData: true,
    guardedRoutes: true,
    env: (port) => ({
      ...baseEnv(),
      HOST,
      PORT: String(port),
      PUBLIC_BASE_URL: `http://${HOST}:${port}`,
      DATA_DIR: dataDir,
      LOG_LEVEL: logLevel,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...extraEnv,
    }),
  };
}

export function migrateArgs() {
  return ["src/app/cli.ts", "migrate"];
}
