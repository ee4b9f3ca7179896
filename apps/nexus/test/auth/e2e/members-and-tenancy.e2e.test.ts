import { describe, expect, it } from "vitest";
import { joinByInvitation, readJson } from "./support/auth-client";
import { useAuthE2e } from "./support/use-auth-e2e";

describe("auth: members, roles and tenant isolation through HTTP", () => {
  const auth = useAuthE2e();

  const members = (organizationId: string) => `/api/v1/organizations/${organizationId}/members`;
  const patchRole = (path: string, token: string, role: string) =>
    auth.client.request(path, { method: "PATCH", token, json: { role } });

  /** An owner's organization with one more member of `role`, acting in it. */
  async function organizationWith(role: string) {
    const owner = await auth.client.owner("owner");
    const member = await auth.client.signUp(role);
    const acting = await joinByInvitation(
      { client: auth.client, token: owner.tokens.accessToken, organizationId: owner.organizationId },
      { client: auth.client, email: member.email, token: member.tokens.accessToken },
      role,
    );
    return { owner, member: { ...member, userId: member.tokens.user.id, tokens: acting } };
  }

  it("keeps the last owner: demoting or removing them answers 409 last-owner", async () => {
    const owner = await auth.client.owner("sole");
    const path = `${members(owner.organizationId)}/${owner.userId}`;
    const demote = await patchRole(path, owner.tokens.accessToken, "admin");
    expect(demote.status).toBe(409);
    expect((await readJson(demote)).code).toBe("last-owner");
    const leave = await auth.client.request(path, { method: "DELETE", token: owner.tokens.accessToken });
    expect(leave.status).toBe(409);
    expect((await readJson(leave)).code).toBe("last-owner");
  });

  it("a removed or demoted member's access tokens for the organization stop, even from before a switch away", async () => {
    for (const change of ["remove", "demote"] as const) {
      const { owner, member } = await organizationWith("admin");
      const audit = (token: string) => auth.client.request("/api/v1/audit", { token });
      // The member moves the session to an organization of their own, keeping the older token.
      const own = await auth.client.createOrganization(member.tokens.accessToken, "Elsewhere");
      const elsewhere = await auth.client.switchOrganization(member.tokens.accessToken, own.id);
      expect((await audit(member.tokens.accessToken)).status).toBe(200);

      const path = `${members(owner.organizationId)}/${member.userId}`;
      const changed =
        change === "remove"
          ? await auth.client.request(path, { method: "DELETE", token: owner.tokens.accessToken })
          : await patchRole(path, owner.tokens.accessToken, "analyst");
      expect(changed.status, change).toBe(change === "remove" ? 204 : 200);
      expect((await audit(member.tokens.accessToken)).status, change).toBe(401);
      // The session itself, now acting elsewhere, goes on.
      expect((await audit(elsewhere.accessToken)).status, change).toBe(200);
    }
  });

  it("changes roles by the rules; a demoted member's session in the organization ends at once", async () => {
    const { owner, member } = await organizationWith("admin");
    const path = `${members(owner.organizationId)}/${member.userId}`;

    // An admin cannot make anyone owner.
    const selfPromote = await patchRole(path, member.tokens.accessToken, "owner");
    expect(selfPromote.status).toBe(403);

    const demote = await patchRole(path, owner.tokens.accessToken, "analyst");
    expect(demote.status).toBe(200);
    expect(await demote.json()).toEqual({ userId: member.userId, role: "analyst" });
    const stale = await auth.client.request("/api/v1/auth/me", { token: member.tokens.accessToken });
    expect(stale.status).toBe(401);

    const invalid = await patchRole(path, owner.tokens.accessToken, "emperor");
    expect(invalid.status).toBe(422);

    // With two owners, one may step down.
    const promote = await patchRole(path, owner.tokens.accessToken, "owner");
    expect(promote.status).toBe(200);
    const stepDown = await patchRole(
      `${members(owner.organizationId)}/${owner.userId}`,
      owner.tokens.accessToken,
      "admin",
    );
    expect(stepDown.status).toBe(200);
  });

  it("a self-demotion stops the caller's tokens with the old role at once; a refresh carries the new one", async () => {
    const { member, owner } = await organizationWith("admin");
    const path = `${members(owner.organizationId)}/${member.userId}`;
    const audit = (token: string) => auth.client.request("/api/v1/audit", { token });
    expect((await audit(member.tokens.accessToken)).status).toBe(200);

    const stepDown = await patchRole(path, member.tokens.accessToken, "operator");
    expect(stepDown.status).toBe(200);
    expect((await audit(member.tokens.accessToken)).status).toBe(401);

    // The session itself goes on: a refresh gives a token with the role the member kept.
    const refreshed = await auth.client.request("/api/v1/auth/refresh", {
      json: { refreshToken: member.tokens.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    const { accessToken } = (await refreshed.json()) as { accessToken: string };
    expect((await audit(accessToken)).status).toBe(403);
    expect((await auth.client.request("/api/v1/auth/me", { token: accessToken })).status).toBe(200);
  });

  it("removes a member: their session in the organization ends and they no longer see it", async () => {
    const { owner, member } = await organizationWith("operator");
    const removed = await auth.client.request(`${members(owner.organizationId)}/${member.userId}`, {
      method: "DELETE",
      token: owner.tokens.accessToken,
    });
    expect(removed.status).toBe(204);
    expect((await auth.client.request("/api/v1/auth/me", { token: member.tokens.accessToken })).status).toBe(401);
    const fresh = await auth.client.login(member.email);
    expect(fresh.organizations).toEqual([]);
    const list = await auth.client.request(members(owner.organizationId), { token: fresh.accessToken });
    expect(list.status).toBe(404);
  });

  it("answers 404 for another organization's members, exactly as for one that does not exist", async () => {
    const mine = await auth.client.owner("mine");
    const theirs = await auth.client.owner("theirs");
    const foreign = await auth.client.request(members(theirs.organizationId), { token: mine.tokens.accessToken });
    expect(foreign.status).toBe(404);
    const { traceId: _a, instance: _b, ...foreignBody } = await readJson(foreign);

    const missing = await auth.client.request(members("0190f0f0-0000-7000-8000-000000000000"), {
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
      const response = await auth.client.request(path, {
        method,
        token: mine.tokens.accessToken,
        ...(json ? { json } : {}),
      });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    expect((await auth.client.request(members("not-a-uuid"), { token: mine.tokens.accessToken })).status).toBe(404);
  });

  it("answers 404 not-found for a path id that is not a UUIDv7 on every /organizations/{id}/… route", async () => {
    const owner = await auth.client.owner("paths");
    const org = owner.organizationId;
    const cases = [
      ["GET", "/members", "organization", undefined],
      ["POST", "/members", "organization", { email: "x@example.com", role: "analyst" }],
      ["PATCH", "", "organization", { name: "Renamed" }],
      ["GET", "/invitations", "organization", undefined],
      ["PATCH", `/members/${owner.userId}`, "member", { role: "analyst" }],
      ["DELETE", `/members/${owner.userId}`, "member", undefined],
      ["DELETE", "/invitations/0190f0f0-0000-7000-8000-000000000000", "invitation", undefined],
    ] as const;
    for (const [method, rest, what, json] of cases) {
      const path = `/api/v1/organizations/not-a-uuid${rest}`;
      const response = await auth.client.request(path, {
        method,
        token: owner.tokens.accessToken,
        ...(json ? { json } : {}),
      });
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 404 });
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(await readJson(response)).toMatchObject({ code: "not-found", detail: `${what} not found` });
    }
    // The second id of a path is held to the same rule, with the same answer.
    for (const path of [`${members(org)}/not-a-uuid`, `/api/v1/organizations/${org}/invitations/not-a-uuid`]) {
      const response = await auth.client.request(path, { method: "DELETE", token: owner.tokens.accessToken });
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    // Nothing was renamed or removed on the way.
    expect(
      (await (await auth.client.request(members(org), { token: owner.tokens.accessToken })).json()) as unknown,
    ).toMatchObject({ items: [{ userId: owner.userId, role: "owner" }] });
  });

  it("pages the member list with a cursor", async () => {
    const { owner } = await organizationWith("analyst");
    const first = await auth.client.request(`${members(owner.organizationId)}?limit=1`, {
      token: owner.tokens.accessToken,
    });
    const page1 = (await first.json()) as { items: { userId: string }[]; nextCursor: string | null };
    expect(page1.items).toHaveLength(1);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const second = await auth.client.request(
      `${members(owner.organizationId)}?limit=1&cursor=${encodeURIComponent(page1.nextCursor ?? "")}`,
      { token: owner.tokens.accessToken },
    );
    const page2 = (await second.json()) as { items: { userId: string }[]; nextCursor: string | null };
    expect(page2.items).toHaveLength(1);
    expect(page2.items[0]?.userId).not.toBe(page1.items[0]?.userId);
    const tooMany = await auth.client.request(`${members(owner.organizationId)}?limit=500`, {
      token: owner.tokens.accessToken,
    });
    expect(tooMany.status).toBe(422);
  });

  it("lists my organizations with my role in each", async () => {
    const owner = await auth.client.owner("lister");
    const response = await auth.client.request("/api/v1/organizations", { token: owner.tokens.accessToken });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      items: [{ id: owner.organizationId, role: "owner", currency: "EUR", timezone: "Europe/Lisbon" }],
      nextCursor: null,
    });
    const invalid = await auth.client.request("/api/v1/organizations", {
      token: owner.tokens.accessToken,
      json: { name: "", currency: "EURO", timezone: "Mars/Olympus" },
    });
    expect(invalid.status).toBe(422);
    const body = await readJson(invalid);
    expect(body.code).toBe("validation-failed");
    expect((body.errors ?? []).map((e) => e.pointer).sort()).toEqual(["/currency", "/name", "/timezone"]);
  });
});
