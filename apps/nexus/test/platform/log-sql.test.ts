import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "@/shared/infrastructure/config/load-config";
import { createTestApp, type TestApp } from "../support/test-app";

// LOG_SQL=true: every statement with its duration, inside transactions too, never the bound values.
describe("LOG_SQL", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOG_SQL: "true" });
  });
  afterAll(() => t?.dispose());

  const sqlLines = () => t.logs.filter((l) => l.msg === "sql");

  it("logs each query and its duration, without the values bound to it", async () => {
    const secret = "bound-value-7f3a@example.com";
    const before = sqlLines().length;
    expect((await t.request(`/dev/mailbox?to=${secret}`)).status).toBe(200);
    const registered = await t.request("/api/v1/auth/register", {
      json: { email: secret, password: "Sourdough-starter-at-4am", name: "Bound Value" },
    });
    expect(registered.status).toBe(202);

    const lines = sqlLines().slice(before);
    expect(lines.some((l) => /^select/i.test(String(l.sql)))).toBe(true);
    expect(lines.some((l) => /^insert into "auth"\."users"/i.test(String(l.sql)))).toBe(true); // in a transaction
    for (const line of lines) {
      expect(typeof line.durationMs).toBe("number");
      expect(line.failed).toBe(false);
    }
    expect(JSON.stringify(t.logs)).not.toContain("bound-value-7f3a");
  });

  it("is off by default and refused in production", async () => {
    expect(loadConfig({}).LOG_SQL).toBe(false);
    expect(() => loadConfig({ NODE_ENV: "production", JWT_PRIVATE_KEYS: "{}", LOG_SQL: "true" })).toThrow(/LOG_SQL/);
  });
});
