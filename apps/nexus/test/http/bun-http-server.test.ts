import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const appRoot = resolve(import.meta.dirname, "../..");
const bun = resolve(appRoot, "../../node_modules/.bin/bun");

describe("BunHttpServer (under the real Bun runtime)", () => {
  it("serves the app, reports the client IP, and closes gracefully", async () => {
    const { stdout } = await promisify(execFile)(bun, ["test/http/support/bun-http-server.script.ts"], {
      cwd: appRoot,
      timeout: 30_000,
    });
    const result = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as Record<string, unknown>;
    expect(result).toMatchObject({
      adapter: "BunHttpServer",
      meStatus: 200,
      ip: "127.0.0.1",
      problemStatus: 400,
      problemType: "application/problem+json",
      refused: true,
      closedBeforeRelease: false,
      slowStatus: 200,
      slowBody: { finished: true },
      closed: true,
    });
    expect(result.requestId).toMatch(/^[0-9a-f]{32}$/);
  });
});
