import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/shared/infrastructure/logging/logger";
import type { AppEnv } from "./app-env";
import { createErrorHandler } from "./error-handler";

const silent = createLogger({ LOG_LEVEL: "silent" });

function appThrowing(error: unknown) {
  const app = new Hono<AppEnv>();
  app.get("/boom", () => {
    throw error;
  });
  app.onError(createErrorHandler(silent));
  return app;
}

describe("createErrorHandler", () => {
  it("maps an HTTPException(500) to the internal-error problem, without its message", async () => {
    const res = await appThrowing(new HTTPException(500, { message: "pool exhausted at db-3" })).request("/boom");
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body).toMatchObject({ type: "/problems/internal-error", code: "internal-error", status: 500 });
    expect(JSON.stringify(body)).not.toContain("db-3");
  });

  it("maps a value the database refused (SQLSTATE 22xxx) to 422 invalid-value, not 500", async () => {
    const driver = Object.assign(new Error('date/time field value out of range: "0000-01-01"'), { code: "22008" });
    const res = await appThrowing(new Error("Failed query: select …", { cause: driver })).request("/boom");
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ code: "invalid-value", status: 422 });
    expect(text).not.toMatch(/select|0000-01-01/);
  });

  it("never returns a stack or the message of an unexpected error", async () => {
    const res = await appThrowing(new TypeError("cannot read 'secret' of undefined")).request("/boom");
    expect(res.status).toBe(500);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const text = await res.text();
    expect(text).not.toMatch(/secret|TypeError|at /);
  });
});
