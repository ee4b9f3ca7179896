import { describe, expect, it } from "vitest";
import { authErrors } from "@/contexts/auth/infrastructure/http/auth.problems";
import { useAuthE2e } from "./support/use-auth-e2e";

interface OpenApiDoc {
  paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>>;
}

// The catalogue is the one source: the problem pages and the OpenAPI responses must say what it says.
describe("auth error catalogue", () => {
  const auth = useAuthE2e();

  it("serves a /problems/<code> page with the catalogue's title and status for every auth code", async () => {
    for (const [code, spec] of Object.entries(authErrors.table)) {
      const page = await auth.client.request(`/problems/${code}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain(`<h1>${spec.title}</h1>`);
      expect(html).toContain(`HTTP ${spec.status}`);
    }
  });

  it("documents each route's problems under the catalogue's status", async () => {
    const doc = (await (await auth.client.request("/openapi.json")).json()) as OpenApiDoc;
    const refresh = doc.paths["/api/v1/auth/refresh"]?.post?.responses ?? {};
    expect(refresh["401"]?.description).toMatch(/session-ended.*session-expired.*reuse-detected/);
    const verify = doc.paths["/api/v1/auth/email/verify"]?.post?.responses ?? {};
    expect(verify["422"]?.description).toMatch(/invalid-token.*token-expired.*validation-failed/);
  });

  it("answers a refused mailed token with the catalogue's status (422), a dead refresh token with 401", async () => {
    const verify = await auth.client.request("/api/v1/auth/email/verify", { json: { token: "nope".repeat(11) } });
    expect([verify.status, ((await verify.json()) as { title: string }).title]).toEqual([422, "Invalid token"]);
    const refresh = await auth.client.request("/api/v1/auth/refresh", { json: { refreshToken: "x".repeat(43) } });
    expect([refresh.status, ((await refresh.json()) as { code: string }).code]).toEqual([401, "session-ended"]);
  });
});
