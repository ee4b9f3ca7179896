import { beforeEach, describe, expect, it } from "vitest";
import { type AuthClient, joinByInvitation, PASSWORD, readJson, uniqueEmail } from "./support/auth-client";
import { useAuthE2e } from "./support/use-auth-e2e";

/**
 * The "done when": register → read the verification mail in the dev mailbox → verify → log in
 * → create an organization → invite a second user → the second user accepts and acts with their role.
 */
describe("auth: the onboarding flow through HTTP", () => {
  const auth = useAuthE2e();
  let ana: AuthClient;
  let bruno: AuthClient;
  beforeEach(() => {
    ana = auth.client;
    bruno = auth.newClient();
  });

  it("takes a new user from registration to an invited colleague acting with their role", async () => {
    const anaEmail = uniqueEmail("ana");
    const register = await ana.request("/api/v1/auth/register", {
      json: { email: anaEmail, password: PASSWORD, name: "Ana Lima" },
    });
    expect(register.status).toBe(202);

    // Not verified yet: the right password reveals it, nothing else does.
    const early = await ana.request("/api/v1/auth/login", { json: { email: anaEmail, password: PASSWORD } });
    expect(early.status).toBe(403);
    expect((await readJson(early)).code).toBe("email-not-verified");

    await ana.verify(anaEmail);
    const anaLogin = await ana.login(anaEmail);
    expect(anaLogin).toMatchObject({
      tokenType: "Bearer",
      expiresIn: expect.any(Number),
      user: { email: anaEmail, name: "Ana Lima", emailVerified: true },
      organizations: [],
      organizationId: null,
    });
    expect(anaLogin.refreshToken.length).toBeGreaterThanOrEqual(43); // ≥ 256 bits, base64url

    const organization = await ana.createOrganization(anaLogin.accessToken, "Padaria Lima");
    expect(organization.role).toBe("owner");
    const asOwner = await ana.switchOrganization(anaLogin.accessToken, organization.id);
    expect(asOwner.role).toBe("owner");

    // Invite someone without an account yet: a mailed invitation.
    const brunoEmail = uniqueEmail("bruno");
    const invite = await ana.request(`/api/v1/organizations/${organization.id}/members`, {
      token: asOwner.accessToken,
      json: { email: brunoEmail, role: "operator" },
    });
    expect(invite.status).toBe(202);
    expect(await invite.json()).toMatchObject({ status: "invited", email: brunoEmail, role: "operator" });

    // Bruno registers, verifies, signs in and accepts with the mailed token.
    await bruno.register(brunoEmail, "Bruno Dias");
    await bruno.verify(brunoEmail);
    const brunoLogin = await bruno.login(brunoEmail);
    const invitationToken = await bruno.mailedToken(brunoEmail, /invit/i);
    const accept = await bruno.request("/api/v1/invitations/accept", {
      token: brunoLogin.accessToken,
      json: { token: invitationToken },
    });
    expect(accept.status).toBe(200);
    expect(await accept.json()).toEqual({ organizationId: organization.id, role: "operator" });

    // Acting with the operator role: reads the members, may not manage them, may not read the audit trail.
    const asOperator = await bruno.switchOrganization(brunoLogin.accessToken, organization.id);
    expect(asOperator.role).toBe("operator");
    const me = await bruno.request("/api/v1/auth/me", { token: asOperator.accessToken });
    expect(await me.json()).toMatchObject({ currentOrganizationId: organization.id, role: "operator" });
    const members = await bruno.request(`/api/v1/organizations/${organization.id}/members`, {
      token: asOperator.accessToken,
    });
    expect(members.status).toBe(200);
    const page = (await members.json()) as { items: { email: string; role: string }[]; nextCursor: string | null };
    expect(page.items.map((m) => [m.email, m.role]).sort()).toEqual(
      [
        [anaEmail, "owner"],
        [brunoEmail, "operator"],
      ].sort(),
    );
    const promoteSelf = await bruno.request(`/api/v1/organizations/${organization.id}/members/${brunoLogin.user.id}`, {
      method: "PATCH",
      token: asOperator.accessToken,
      json: { role: "admin" },
    });
    expect(promoteSelf.status).toBe(403);
    const audit = await bruno.request("/api/v1/audit", { token: asOperator.accessToken });
    expect(audit.status).toBe(403);

    // The invitation works once.
    const again = await bruno.request("/api/v1/invitations/accept", {
      token: asOperator.accessToken,
      json: { token: invitationToken },
    });
    expect(again.status).toBe(422);
    expect((await readJson(again)).code).toBe("invalid-token");
  });

  it("only invites an already registered user (202, not a member yet); 409 once they accepted", async () => {
    const owner = await ana.owner("carla");
    const dani = await bruno.signUp("dani");
    const path = `/api/v1/organizations/${owner.organizationId}/members`;
    await joinByInvitation(
      { client: ana, token: owner.tokens.accessToken, organizationId: owner.organizationId },
      { client: bruno, email: dani.email, token: dani.tokens.accessToken },
      "analyst",
    );
    const twice = await ana.request(path, {
      token: owner.tokens.accessToken,
      json: { email: dani.email, role: "analyst" },
    });
    expect(twice.status).toBe(409);
    expect((await readJson(twice)).code).toBe("already-member");
  });

  it("answers register with the same 202 body whether or not the email is taken, and mails a notice", async () => {
    const email = uniqueEmail("eva");
    const first = await ana.request("/api/v1/auth/register", { json: { email, password: PASSWORD, name: "Eva" } });
    const second = await ana.request("/api/v1/auth/register", {
      json: { email, password: "another-long-passphrase", name: "Someone Else" },
    });
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(await second.text()).toBe(await first.text());
    await ana.mail(email, /already/i);
  });

  it("refuses weak passwords and invalid fields with 422 problems naming the field", async () => {
    const weak = await ana.request("/api/v1/auth/register", {
      json: { email: uniqueEmail("weak"), password: "password1234", name: "Weak" },
    });
    expect(weak.status).toBe(422);
    expect((await readJson(weak)).code).toBe("weak-password");

    const invalid = await ana.request("/api/v1/auth/register", {
      json: { email: "not-an-email", password: PASSWORD, name: "Bad Email" },
    });
    expect(invalid.status).toBe(422);
    const body = await readJson(invalid);
    expect(body).toMatchObject({ code: "validation-failed", type: "/problems/validation-failed" });
    expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: "/email" })]));
  });

  it("serves a page for every auth problem type and documents the routes in /openapi.json", async () => {
    const page = await ana.request("/problems/invalid-credentials");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("HTTP 401");
    const doc = (await (await ana.request("/openapi.json")).json()) as { paths: Record<string, unknown> };
    for (const path of [
      "/api/v1/auth/register",
      "/api/v1/auth/login",
      "/api/v1/auth/refresh",
      "/api/v1/auth/sessions/{id}",
      "/api/v1/organizations/{id}/members/{userId}",
      "/api/v1/invitations/accept",
      "/api/v1/audit/verify",
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
  });
});
