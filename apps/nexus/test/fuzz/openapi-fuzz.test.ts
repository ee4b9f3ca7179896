import { beforeAll, describe, expect, it } from "vitest";
import type { AuthClient } from "../auth/e2e/support/auth-client";
import { useAuthE2e } from "../auth/e2e/support/use-auth-e2e";
import { type FuzzCaller, requestsFor, resolveFor } from "./support/fuzz-inputs";
import { type OpenApiDocument, operationsOf } from "./support/openapi-walk";

// Fixed, so every run sends the same requests; change it to explore, keep it when a run finds something.
const SEED = 20_261_202;
// Seeded variants per operation, on top of the systematic edge values of each parameter and field.
const RANDOM_PER_OPERATION = 20;

const STACK_TRACE = /\n\s+at \S|\bat [^\s()]+ \([^)]*:\d+:\d+\)|\.(?:ts|js|mjs):\d+:\d+/;
const SQL_TEXT =
  /\bselect\b[^"]{0,200}\bfrom\b|\binsert into\b|\bdelete from\b|\bupdate\b \S+ \bset\b|SQLSTATE|syntax error at or near|violates [a-z ]+ constraint|relation "|PostgresError|DrizzleQueryError|Failed query/i;

/**
 * Walks `/openapi.json` as served, so every route — those of contexts added later included — is
 * fuzzed: malformed path ids, query values, bodies, content types and credentials. Fails on any 5xx,
 * any error that is not problem+json, and any stack trace or SQL text in a body.
 */
describe("every operation of /openapi.json under malformed input", () => {
  const auth = useAuthE2e({ API_RATE_LIMIT_PER_MINUTE: "0" });
  let client: AuthClient;
  let caller: FuzzCaller;

  beforeAll(async () => {
    caller = await newCaller();
  });

  async function newCaller(): Promise<FuzzCaller> {
    client = auth.newClient(); // a new address too, so sign-ups never meet the per-IP login limit
    const owner = await client.owner("fuzz");
    return { accessToken: owner.tokens.accessToken, organizationId: owner.organizationId, userId: owner.userId };
  }

  let stale = false;
  /** A fuzzed logout or password change may end the caller's session; the next request gets a new one. */
  async function liveCaller(): Promise<FuzzCaller> {
    if (!stale) return caller;
    stale = false;
    const me = await client.request("/api/v1/auth/me", { token: caller.accessToken });
    if (me.status !== 200) caller = await newCaller();
    return caller;
  }

  it("answers every request below 500, errors as problem+json, no stack trace or SQL", {
    timeout: 180_000,
  }, async () => {
    const doc = (await (await auth.app.request("/openapi.json")).json()) as OpenApiDocument;
    const operations = operationsOf(doc);
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let sent = 0;

    for (const [index, op] of operations.entries()) {
      for (const request of requestsFor(op, SEED + index, RANDOM_PER_OPERATION)) {
        const { url, init } = resolveFor(op, request, await liveCaller());
        const response = await send(url, init, sent);
        sent++;
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const problem = await checkResponse(response);
        if (problem && failures.length < 25)
          failures.push(`${op.name} [${request.label}] → ${problem}\n    ${url.slice(0, 200)}`);
      }
    }

    const histogram = [...statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}:${n}`)
      .join(" ");
    console.log(`openapi fuzz: ${operations.length} operations, ${sent} requests, seed ${SEED}; statuses ${histogram}`);
    expect(operations.length).toBeGreaterThan(0);
    expect(sent).toBeGreaterThan(operations.length * RANDOM_PER_OPERATION);
    expect(failures, failures.join("\n")).toEqual([]);
  });

  async function send(url: string, init: RequestInit & { headers: Record<string, string> }, n: number) {
    // A fresh client address per request, so per-IP brute-force limits do not hide the routes behind 429.
    const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    const response = await auth.app.app.http.request(url, {
      ...init,
      headers: { ...init.headers, "x-forwarded-for": ip },
    });
    if (init.method !== "GET" && response.status < 300) stale = true;
    return response;
  }
});

/** What is wrong with a response, or null. */
async function checkResponse(response: Response): Promise<string | null> {
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) {
    await response.body?.cancel(); // a live stream never ends; its status and headers are what count
    return response.status >= 500 ? `${response.status} on an event stream` : null;
  }
  const text = await response.text();
  if (response.status >= 500) return `${response.status}: ${text.slice(0, 300)}`;
  if (STACK_TRACE.test(text)) return `stack trace in the body: ${text.slice(0, 300)}`;
  if (SQL_TEXT.test(text)) return `SQL in the body: ${text.slice(0, 300)}`;
  if (response.status < 400) return null;
  if (!response.headers.get("content-type")?.startsWith("application/problem+json")) {
    return `${response.status} is not problem+json (${response.headers.get("content-type")}): ${text.slice(0, 200)}`;
  }
  let body: { status?: unknown; code?: unknown; type?: unknown };
  try {
    body = JSON.parse(text);
  } catch {
    return `${response.status} problem body is not JSON: ${text.slice(0, 200)}`;
  }
  if (body.status !== response.status || typeof body.code !== "string" || !String(body.type).startsWith("/problems/")) {
    return `${response.status} malformed problem: ${text.slice(0, 200)}`;
  }
  return null;
}
