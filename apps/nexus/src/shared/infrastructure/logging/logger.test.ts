import { DrizzleQueryError } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { runWithRequestContext } from "@/shared/infrastructure/request-context/request-context";
import { createLogger } from "./logger";

function capture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, write: (chunk: string) => void lines.push(JSON.parse(chunk) as Record<string, unknown>) };
}

describe("createLogger", () => {
  it("adds the trace and request ids inside a request context, and nothing outside", () => {
    const out = capture();
    const logger = createLogger({ LOG_LEVEL: "info" }, out);
    logger.info("outside");
    runWithRequestContext(
      { requestId: "r1", traceId: "t1", spanId: "s1", ip: null, userAgent: null, method: "GET", path: "/" },
      () => logger.child({ component: "relay" }).info("inside"),
    );
    expect(out.lines[0]?.traceId).toBeUndefined();
    expect(out.lines[1]).toMatchObject({ msg: "inside", traceId: "t1", requestId: "r1", component: "relay" });
  });

  it("redacts secrets at any logged depth, including config URLs with credentials", () => {
    const out = capture();
    const logger = createLogger({ LOG_LEVEL: "info" }, out);
    logger.info({
      accessToken: "a",
      body: { newPassword: "p", user: { profile: { token: "t" } } },
      req: { headers: { cookie: "c", "set-cookie": "s" } },
      config: { DATABASE_URL: "postgres://u:pw@h/db" },
      email: "kept@example.com",
    });
    const text = JSON.stringify(out.lines[0]);
    expect(text).not.toMatch(/"a"|"p"|"t"|"c"|"s"|pw@/);
    expect(text).toContain("kept@example.com");
  });

  it("keeps a failed query's bound values out of the error it logs", () => {
    const out = capture();
    const logger = createLogger({ LOG_LEVEL: "info" }, out);
    const driver = new Error('invalid input syntax for type uuid: "reset-token-4f9a2c"');
    const error = new DrizzleQueryError(
      "select * from t where token = $1 and n = $2",
      ["reset-token-4f9a2c", 7],
      driver,
    );
    logger.error({ err: new Error("unit of work failed", { cause: error }) }, "unhandled error");
    const text = JSON.stringify(out.lines[0]);
    expect(text).not.toContain("reset-token-4f9a2c");
    expect(text).toContain("Failed query: select * from t where token = $1");
    expect(out.lines[0]).toMatchObject({
      err: { type: "Error", message: expect.stringMatching(/^unit of work failed/) },
    });
  });

  it("honours the level", () => {
    const out = capture();
    const logger = createLogger({ LOG_LEVEL: "warn" }, out);
    logger.info("dropped");
    logger.warn("kept");
    expect(out.lines.map((l) => l.msg)).toEqual(["kept"]);
  });
});
