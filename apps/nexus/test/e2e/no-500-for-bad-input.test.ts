import { beforeAll, describe, expect, it } from "vitest";
import { type AuthClient, readJson } from "../auth/e2e/support/auth-client";
import { useAuthE2e } from "../auth/e2e/support/use-auth-e2e";

// The four malformed query values that once reached PostgreSQL and came back as 500 internal-error.
describe("malformed query values are refused at the edge, never a 500", () => {
  const auth = useAuthE2e();
  let client: AuthClient;
  let owner: Awaited<ReturnType<AuthClient["owner"]>>;

  beforeAll(async () => {
    client = auth.newClient();
    owner = await client.owner("edge");
  });

  const get = (path: string) => client.request(path, { token: owner.tokens.accessToken });

  it.each([
    ["/api/v1/audit?action=%00", 400],
    ["/api/v1/audit?action=a%00b", 400],
    ["/dev/mailbox?to=%00", 400],
    ["/api/v1/audit?from=0000-01-01T00:00:00Z", 422],
    ["/api/v1/audit?to=0000-12-31T23:59:59Z", 422],
  ])("GET %s → %i problem", async (path, status) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  it("treats a well-formed members cursor whose time PostgreSQL cannot read as foreign: 422 invalid-cursor", async () => {
    // The adapter's own format (join time in ms "." user id), at the 15-digit maximum: year 33658.
    const cursor = Buffer.from(`999999999999999.${owner.userId}`).toString("base64url");
    const response = await get(`/api/v1/organizations/${owner.organizationId}/members?cursor=${cursor}`);
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect((await readJson(response)).code).toBe("invalid-cursor");
  });

  it("still serves the earliest and latest instants PostgreSQL can store", async () => {
    const response = await get("/api/v1/audit?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59.999Z");
    expect(response.status).toBe(200);
  });
});
