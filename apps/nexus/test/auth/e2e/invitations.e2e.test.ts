import { describe, expect, it } from "vitest";
import { readJson, uniqueEmail } from "./support/auth-client";
import { useAuthE2e } from "./support/use-auth-e2e";

const SUBJECT = "You have been invited to join an organization on Nexus";

describe("auth: invitations through HTTP — nobody joins without consent", () => {
  // A small inviter quota, so the 429 is reachable; every test starts with its own owner.
  const auth = useAuthE2e({ INVITATIONS_PER_DAY_PER_INVITER: "3" });

  const invite = (organizationId: string, token: string, email: string, role = "operator") =>
    auth.client.request(`/api/v1/organizations/${organizationId}/members`, { token, json: { email, role } });

  it("answers the same 202 for a registered and an unknown address, and adds nobody", async () => {
    const owner = await auth.client.owner("inviter");
    const registered = await auth.client.signUp("registered");
    const unknown = uniqueEmail("unknown");

    const toRegistered = await invite(owner.organizationId, owner.tokens.accessToken, registered.email);
    const toUnknown = await invite(owner.organizationId, owner.tokens.accessToken, unknown);
    expect([toRegistered.status, toUnknown.status]).toEqual([202, 202]);
    const [a, b] = [
      await readJson<Record<string, unknown>>(toRegistered),
      await readJson<Record<string, unknown>>(toUnknown),
    ];
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    expect(a).not.toHaveProperty("userId");
    expect({ ...a, email: "x", expiresAt: "t" }).toEqual({ ...b, email: "x", expiresAt: "t" });
    // Both get the same mail.
    expect((await auth.client.mail(registered.email, /invit/i)).subject).toBe(SUBJECT);
    expect((await auth.client.mail(unknown, /invit/i)).subject).toBe(SUBJECT);

    // Not a member, and the next login does not act in the inviter's organization.
    const login = await auth.client.login(registered.email);
    expect(login.organizationId).toBeNull();
    expect(login.organizations).toEqual([]);
    const members = await auth.client.request(`/api/v1/organizations/${owner.organizationId}/members`, {
      token: owner.tokens.accessToken,
    });
    expect(((await members.json()) as { items: unknown[] }).items).toHaveLength(1);
  });

  it("puts no user-written text in the subject: the organization's name only in the body", async () => {
    const { email, tokens } = await auth.client.signUp("phisher");
    const name = "URGENT: your account is suspended <b>now</b>";
    const organization = await auth.client.createOrganization(tokens.accessToken, name);
    const acting = await auth.client.switchOrganization(tokens.accessToken, organization.id);
    const victim = uniqueEmail("victim");
    expect((await invite(organization.id, acting.accessToken, victim)).status).toBe(202);
    const mail = await auth.client.mail(victim, /invit/i);
    expect(mail.subject).toBe(SUBJECT);
    expect(mail.text).toContain(`"${name}"`);
    expect(email).not.toBe(victim);
  });

  it("walkthrough: my invitations, accept by id, admin list and revoke", async () => {
    const owner = await auth.client.owner("walk");
    const chef = await auth.client.signUp("chef");
    const sous = await auth.client.signUp("sous");
    expect((await invite(owner.organizationId, owner.tokens.accessToken, chef.email, "admin")).status).toBe(202);
    expect((await invite(owner.organizationId, owner.tokens.accessToken, sous.email, "analyst")).status).toBe(202);

    const pending = await auth.client.request(`/api/v1/organizations/${owner.organizationId}/invitations`, {
      token: owner.tokens.accessToken,
    });
    expect(pending.status).toBe(200);
    const list = (await pending.json()) as {
      items: { id: string; email: string; role: string }[];
      nextCursor: string | null;
    };
    expect(list.nextCursor).toBeNull();
    expect(list.items.map((i) => [i.email, i.role])).toEqual([
      [chef.email, "admin"],
      [sous.email, "analyst"],
    ]);
    expect(JSON.stringify(list)).not.toMatch(/token|hash/i);

    // The chef, signed in, sees and accepts by id; the sous chef cannot accept the chef's.
    const mine = await auth.client.request("/api/v1/invitations", { token: chef.tokens.accessToken });
    const [invitation] = ((await mine.json()) as { items: { id: string; organization: { name: string } }[] }).items;
    expect(invitation?.organization.name).toBe("Padaria Lima");
    const acceptAs = (token: string) =>
      auth.client.request(`/api/v1/invitations/${invitation?.id}/accept`, { method: "POST", token });
    expect((await acceptAs(sous.tokens.accessToken)).status).toBe(404);
    const accepted = await acceptAs(chef.tokens.accessToken);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ organizationId: owner.organizationId, role: "admin" });
    expect((await auth.client.login(chef.email)).organizationId).toBe(owner.organizationId);

    // The owner revokes the sous chef's: its mailed token stops working.
    const sousInvitation = list.items[1];
    const revokePath = `/api/v1/organizations/${owner.organizationId}/invitations/${sousInvitation?.id}`;
    const revoked = await auth.client.request(revokePath, { method: "DELETE", token: owner.tokens.accessToken });
    expect(revoked.status).toBe(204);
    const again = await auth.client.request(revokePath, { method: "DELETE", token: owner.tokens.accessToken });
    expect(again.status).toBe(404);
    const token = await auth.client.mailedToken(sous.email, /invit/i);
    const late = await auth.client.request("/api/v1/invitations/accept", {
      token: sous.tokens.accessToken,
      json: { token },
    });
    expect(late.status).toBe(422);
    expect((await readJson(late)).code).toBe("invalid-token");
  });

  it("pages both invitation lists with limit and cursor; a cursor it did not issue is a 422 problem", async () => {
    const owner = await auth.client.owner("pager");
    const other = await auth.client.owner("pager-too");
    const invitee = await auth.client.signUp("paged");
    for (const email of [invitee.email, uniqueEmail("paged-other")]) {
      expect((await invite(owner.organizationId, owner.tokens.accessToken, email)).status).toBe(202);
    }
    expect((await invite(other.organizationId, other.tokens.accessToken, invitee.email)).status).toBe(202);

    const lists = [
      { path: `/api/v1/organizations/${owner.organizationId}/invitations`, token: owner.tokens.accessToken },
      { path: "/api/v1/invitations", token: invitee.tokens.accessToken },
    ];
    for (const { path, token } of lists) {
      const page = async (query: string) => {
        const response = await auth.client.request(`${path}?${query}`, { token });
        expect({ path, status: response.status }).toEqual({ path, status: 200 });
        return readJson<{ items: { id: string }[]; nextCursor: string | null }>(response);
      };
      const first = await page("limit=1");
      expect(first.items).toHaveLength(1);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await page(`limit=1&cursor=${encodeURIComponent(first.nextCursor ?? "")}`);
      expect(second.items).toHaveLength(1);
      expect(second.nextCursor).toBeNull();
      expect(second.items.map((i) => i.id)).not.toContain(first.items[0]?.id);
      const whole = await page("limit=200");
      expect(whole.items.map((i) => i.id)).toEqual([...first.items, ...second.items].map((i) => i.id));

      const foreign = await auth.client.request(`${path}?cursor=${Buffer.from("elsewhere").toString("base64url")}`, {
        token,
      });
      expect(foreign.status).toBe(422);
      expect(foreign.headers.get("content-type")).toContain("application/problem+json");
      expect((await readJson(foreign)).code).toBe("invalid-cursor");
    }
  });

  it("answers 429 invitation-quota-exceeded past the inviter's daily quota", async () => {
    const owner = await auth.client.owner("busy");
    for (let i = 0; i < 3; i += 1) {
      expect((await invite(owner.organizationId, owner.tokens.accessToken, uniqueEmail(`q${i}`))).status).toBe(202);
    }
    const over = await invite(owner.organizationId, owner.tokens.accessToken, uniqueEmail("q3"));
    expect(over.status).toBe(429);
    expect(await readJson(over)).toMatchObject({ code: "invitation-quota-exceeded", quota: "inviter" });
  });
});
