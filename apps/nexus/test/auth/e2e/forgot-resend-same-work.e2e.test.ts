import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueEmail } from "./support/auth-client";
import { createAuthTestApp } from "./support/auth-test-app";

type App = Awaited<ReturnType<typeof createAuthTestApp>>;

/** "insert auth.one_time_tokens", "select auth.users", "select pg_advisory_xact_lock" … */
function shapeOf(statement: string): string {
  const text = statement.replace(/"/g, "").replace(/\s+/g, " ").trim().toLowerCase();
  const target = /^(insert into|update|delete from) ([\w.]+)/.exec(text);
  if (target) return `${target[1]?.split(" ")[0]} ${target[2]}`;
  const read = /^select .*? from ([\w.]+)/.exec(text);
  if (read) return `select ${read[1]}`;
  return text.split(/[ (]/, 2).join(" ");
}

describe("forgot and resend do the same database work whether or not the email has an account", () => {
  let t: App;
  beforeAll(async () => {
    // Every statement is logged with the request it ran for (LOG_SQL: text and duration, no values).
    t = await createAuthTestApp({ LOG_SQL: "true" });
  });
  afterAll(() => t.app.dispose());

  /** The statements one request ran, in order (their text: placeholders, never the bound values). */
  async function statementsOf(path: string, email: string): Promise<string[]> {
    const response = await t.client().request(path, { json: { email } });
    expect(response.status).toBe(202);
    const requestId = response.headers.get("x-request-id");
    return t.app.logs
      .filter((line) => line.msg === "sql" && line.requestId === requestId)
      .map((line) => String(line.sql));
  }

  it.each(["/api/v1/auth/password/forgot", "/api/v1/auth/email/resend"])("%s", async (path) => {
    const known = uniqueEmail("known");
    await t.client().register(known); // not verified: resend mails it too

    const forKnown = await statementsOf(path, known);
    const forNobody = await statementsOf(path, uniqueEmail("nobody"));

    expect(forKnown.map(shapeOf)).toContain("insert auth.one_time_tokens");
    expect(forKnown.map(shapeOf)).toContain("insert platform.outbox_events");
    expect(forNobody.map(shapeOf)).toEqual(forKnown.map(shapeOf));
    // Not only the same kind of statement: the very same token insert (nobody's is a decoy row).
    const tokenInsert = (statements: string[]) => statements.find((s) => shapeOf(s) === "insert auth.one_time_tokens");
    expect(tokenInsert(forNobody)).toBe(tokenInsert(forKnown));
  });
});
