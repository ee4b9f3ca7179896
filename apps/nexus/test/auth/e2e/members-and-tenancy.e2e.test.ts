import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestApp } from "../../support/test-app";
import { type AuthClient, readJson } from "./support/auth-client";
import { createAuthTestApp } from "./support/auth-test-app";

describe("auth: members, roles and tenant isolation through HTTP", () => {
  let app: TestApp;
  let newClient: (ip?: string) => AuthClient;
  let client: AuthClient;

  beforeAll(async () => {
    const created = await createAuthTestApp();
    app = created.app;
    newClient = created.client;
  });
  afterAll(() => app.dispose());
  // A client (address) per test, so per-IP rate limits of one test never spill into the next.
  beforeEach(() => {
    client = newClient();
  });

  const members = (organizationId: string) => `/api/v1/organizations/${organizationId}/members`;

  /** An owner's organization with one more member of `role`, acting in it. */
  async function organizationWith(role: string) {
    const owner = await client.owner("owner");
    const member = await client.signUp(role);
    const added = await client.request(members(owner.organizationId), {
      token: owner.tokens.accessToken,
      json: { email: member.email, role },
    });
    expect(added.status).toBe(201);
    const acting = await client.switchOrganization(member.tokens.accessToken, owner.organizationId);
    return { owner, member: { ...member, userId: member.tokens.user.id, tokens: acting } };
  }

  it("keeps the last owner: demoting or removing them answers 409 last-owner", async () => {
    const owner = await client.owner("sole");
    const path = `${members(owner.organizationId)}/${owner.userId}`;
    const demote = await client.request(path, {
      method: "PATCH",
      token: owner.tokens.accessToken,
      json: { role: "admin" },
    });
    expect(demote.status).toBe(409);
    expect((await readJson(demote)).code).toBe("last-owner");
    const leave = await client.request(path, { method: "DELETE", token: owner.tokens.accessToken });
    expect(leave.status).toBe(409);
    expect((await readJson(leave)).code).toBe("last-owner");
  });

  it("changes roles by the rules; a demoted member's session in the organization ends at once", async () => {
    const { owner, member } = await organizationWith("admin");
    const path = `${members(owner.organizationId)}/${member.userId}`;

    // An admin cannot make anyone owner.
    const selfPromote = await client.request(path, {
      method: "PATCH",
      token: member.tokens.accessToken,
      json: { role: "owner" },
    });
    expect(selfPromote.status).toBe(403);

    const demote = await client.request(path, {
      method: "PATCH",
      token: owner.tokens.accessToken,
      json: { role: "analyst" },
    });
    expect(demote.status).toBe(200);
    expect(await demote.json()).toEqual({ userId: member.userId, role: "analyst" });
    const stale = await client.request("/api/v1/auth/me", { token: member.tokens.accessToken });
    expect(stale.status).toBe(401);

    const invalid = await client.request(path, {
      method: "PATCH",
      token: owner.tokens.accessToken,
      json: { role: "emperor" },
    });
    expect(invalid.status).toBe(422);

    // With two owners, one may step down.
    const promote = await client.request(path, {
      method: "PATCH",
      token: owner.tokens.accessToken,
      json: { role: "owner" },
    });
    expect(promote.status).toBe(200);
    const stepDown = await client.request(`${members(owner.organizationId)}/${owner.userId}`, {
      method: "PATCH",
      token: owner.tokens.accessToken,
      json: { role: "admin" },
    });
    expect(stepDown.status).toBe(200);
  });

  it("removes a member: their session in the organization ends and they no longer see it", async () => {
    const { owner, member } = await organizationWith("operator");
    const removed = await client.request(`${members(owner.organizationId)}/${member.userId}`, {
      method: "DELETE",
      token: owner.tokens.accessToken,
    });
    expect(removed.status).toBe(204);
    expect((await client.request("/api/v1/auth/me", { token: member.tokens.accessToken })).status).toBe(401);
    const fresh = await client.login(member.email);
    expect(fresh.organizations).toEqual([]);
    const list = await client.request(members(owner.organizationId), { token: fresh.accessToken });
    expect(list.status).toBe(404);
  });

  it("answers 404 for another organization's members, exactly as for one that does not exist", async () => {
    const mine = await client.owner("mine");
    const theirs = await client.owner("theirs");
    const foreign = await client.request(members(theirs.organizationId), { token: mine.tokens.accessToken });
    expect(foreign.status).toBe(404);
    const { traceId: _a, instance: _b, ...foreignBody } = await readJson(foreign);

    const missing = await client.request(members("0190f0f0-0000-7000-8000-000000000000"), {
      token: mine.tokens.accessToken,
    });
    expect(missing.status).toBe(404);
    const { traceId: _c, instance: _d, ...missingBody } = await readJson(missing);
    expect(foreignBody).toEqual(missingBody);

    for (const [method, json] of [
      ["POST", { email: "x@example.com", role: "analyst" }],
      ["PATCH", { role: "analyst" }],
      ["DELETE", undefined],
    ] as const) {
      const path =
        method === "POST" ? members(theirs.organizationId) : `${members(theirs.organizationId)}/${theirs.userId}`;
      const response = await client.request(path, {
        method,
        token: mine.tokens.accessToken,
        ...(json ? { json } : {}),
      });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    expect((await client.request(members("not-a-uuid"), { token: mine.tokens.accessToken })).status).toBe(404);
  });

  it("pages the member list with a cursor", async () => {
    const { owner } = await organizationWith("analyst");
    const first = await client.request(`${members(owner.organizationId)}?limit=1`, { token: owner.tokens.accessToken });
    const page1 = (await first.json()) as { items: { userId: string }[]; nextCursor: string | null };
    expect(page1.items).toHaveLength(1);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const second = await client.request(
      `${members(owner.organizationId)}?limit=1&cursor=${encodeURIComponent(page1.nextCursor ?? "")}`,
      { token: owner.tokens.accessToken },
    );
    const page2 = (await second.json()) as { items: { userId: string }[]; nextCursor: string | null };
    expect(page2.items).toHaveLength(1);
    expect(page2.items[0]?.userId).not.toBe(page1.items[0]?.userId);
    const tooMany = await client.request(`${members(owner.organizationId)}?limit=500`, {
      token: owner.tokens.accessToken,
    });
    expect(tooMany.status).toBe(422);
  });

  it("lists my organizations with my role in each", async () => {
    const owner = await client.owner("lister");
    const response = await client.request("/api/v1/organizations", { token: owner.tokens.accessToken });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      items: [{ id: owner.organizationId, role: "owner", currency: "EUR", timezone: "Europe/Lisbon" }],
      nextCursor: null,
    });
    const invalid = await client.request("/api/v1/organizations", {
      token: owner.tokens.accessToken,
      json: { name: "", currency: "EURO", timezone: "Mars/Olympus" },
    });
    expect(invalid.status).toBe(422);
    const body = await readJson(invalid);
    expect(body.code).toBe("validation-failed");
    expect((body.errors ?? []).map((e) => e.pointer).sort()).toEqual(["/currency", "/name", "/timezone"]);
  });
});
