import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redoclyLint } from "../support/redocly-lint";
import { createTestApp, type TestApp } from "../support/test-app";
import { API_CLIENT_TYPES_FILE, generateApiClientTypes } from "./support/api-client-types";

interface OpenApiDocument {
  paths: Record<string, Record<string, { operationId?: string }>>;
}

// /openapi.json as a client team receives it: linted with Redocly's recommended rules (redocly.yaml
// raises operationId, declared tags and explicit security to errors) and turned into a typed client.
describe("the OpenAPI contract", () => {
  let t: TestApp;
  let document: OpenApiDocument;

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_BASE_URL: "https://api.nexus.dev" });
    document = (await (await t.request("/openapi.json")).json()) as OpenApiDocument;
  });
  afterAll(() => t?.dispose());

  it("lints with 0 errors under Redocly's recommended rules", { timeout: 60_000 }, async () => {
    const report = await redoclyLint(document);
    const errors = report.problems
      .filter((p) => p.severity === "error")
      .map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
    expect(errors, errors.join("\n")).toEqual([]);
    expect(report.errors).toBe(0);
  });

  it("names every operation with a unique camelCase operationId", () => {
    const ids = Object.values(document.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("matches the checked-in client types (regenerate: npm run -w @nexus/app api-client)", async () => {
    const expected = await generateApiClientTypes(document);
    const checkedIn = await readFile(API_CLIENT_TYPES_FILE, "utf8");
    expect(
      checkedIn === expected,
      "test/contract/generated/nexus-api.d.ts is stale: npm run -w @nexus/app api-client",
    ).toBe(true);
  });
});
