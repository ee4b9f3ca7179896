import { describe, expect, it } from "vitest";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { AuthenticatedActor } from "../actor";
import { type AuthTestKit, createAuthTestKit } from "../testing/auth-test-kit";
import { AcceptInvitationUseCase } from "./accept-invitation.use-case";
import { ChangeMemberRoleUseCase } from "./change-member-role.use-case";
import { InviteMemberUseCase } from "./invite-member.use-case";
import { ListMembersUseCase } from "./list-members.use-case";
import { RemoveMemberUseCase } from "./remove-member.use-case";

const page = { limit: 50, cursor: null };

/** An organization with an owner and, signed in and acting in it, one member per other role. */
async function team() {
  const kit = createAuthTestKit();
  const { actor: owner, organization } = await kit.ownerWithOrganization();
  const members: Record<"admin" | "operator" | "analyst", { actor: AuthenticatedActor; userId: Uuid }> = {} as never;
  for (const role of ["admin", "operator", "analyst"] as const) {
    const email = `${role}@example.com`;
    const userId = await kit.registerUser(email);
    members[role] = { actor: kit.actorOf(await kit.join(owner, organization.id, email, role)), userId };
  }
  return { kit, owner, organizationId: organization.id, ...members };
}

const add = (kit: AuthTestKit, actor: AuthenticatedActor, organizationId: Uuid, email: string, role: string) =>
  new InviteMemberUseCase(kit.deps).execute({ actor, organizationId, email, role });
const changeRole = (kit: AuthTestKit, actor: AuthenticatedActor, organizationId: Uuid, userId: Uuid, role: string) =>
  new ChangeMemberRoleUseCase(kit.deps).execute({ actor, organizationId, userId, role });
const remove = (kit: AuthTestKit, actor: AuthenticatedActor, organizationId: Uuid, userId: Uuid) =>
  new RemoveMemberUseCase(kit.deps).execute({ actor, organizationId, userId });

describe("members", () => {
  it("any member lists the members", async () => {
    const { kit, analyst, organizationId } = await team();
    const result = await new ListMembersUseCase(kit.deps).execute({ actor: analyst.actor, organizationId, page });
    expect(result.ok && result.value.items.map((m) => m.role)).toEqual(["owner", "admin", "operator", "analyst"]);
  });

  it("tenant isolation: a member of A cannot list, add to, change or remove in B (not-found)", async () => {
    const { kit, owner: ownerOfA } = await team();
    const b = await kit.ownerWithOrganization("boss-b@example.com");
    const results = [
      await new ListMembersUseCase(kit.deps).execute({ actor: ownerOfA, organizationId: b.organization.id, page }),
      await add(kit, ownerOfA, b.organization.id, "x@example.com", "analyst"),
      await changeRole(kit, ownerOfA, b.organization.id, b.actor.userId, "analyst"),
      await remove(kit, ownerOfA, b.organization.id, b.actor.userId),
    ];
    for (const result of results) expect(result).toMatchObject({ ok: false, error: { code: "not-found" } });
    expect(await kit.deps.memberships.countOwners(b.organization.id)).toBe(1);
  });

  it("a registered user is only invited, with the same answer as an unknown address; accepting makes them a member", async () => {
    const { kit, admin, organizationId } = await team();
    const userId = await kit.registerUser("new@example.com");
    const registered = await add(kit, admin.actor, organizationId, "New@Example.com", "operator");
    const unknown = await add(kit, admin.actor, organizationId, "nobody@example.com", "operator");
    expect(registered).toEqual({
      ok: true,
      value: { status: "invited", email: "new@example.com", role: "operator", expiresAt: expect.anything() },
    });
    expect(Object.keys(registered.ok ? registered.value : {})).toEqual(Object.keys(unknown.ok ? unknown.value : {}));
    expect(await kit.deps.memberships.find(organizationId, userId)).toBeNull();
    expect(kit.mailer.sent.filter((m) => m.kind === "invitation").map((m) => m.to)).toEqual(
      expect.arrayContaining(["new@example.com", "nobody@example.com"]),
    );

    const invitee = kit.actorOf(await kit.login("new@example.com"));
    const token = kit.mailer.lastToken("invitation", "new@example.com");
    expect((await new AcceptInvitationUseCase(kit.deps).execute({ actor: invitee, token })).ok).toBe(true);
    expect((await kit.deps.memberships.find(organizationId, userId))?.role).toBe("operator");
    expect(await add(kit, admin.actor, organizationId, "new@example.com", "analyst")).toMatchObject({
      ok: false,
      error: { code: "already-member" },
    });
  });

  it("invites an unknown address; the invitee registers, signs in and accepts", async () => {
    const { kit, owner, organizationId } = await team();
    const added = await add(kit, owner, organizationId, "chef@example.com", "operator");
    expect(added).toMatchObject({ ok: true, value: { status: "invited", email: "chef@example.com" } });
    expect(kit.audit.entries.at(-1)).toMatchObject({ action: "auth.member.invited", organizationId });
    const token = kit.mailer.lastToken("invitation", "chef@example.com");
    expect(kit.mailer.sent.at(-1)).toMatchObject({
      organizationName: "Bakery",
      inviterName: "owner",
      role: "operator",
    });

    await kit.registerUser("chef@example.com");
    const chef = kit.actorOf(await kit.login("chef@example.com"));
    const accept = new AcceptInvitationUseCase(kit.deps);
    expect(await accept.execute({ actor: chef, token })).toEqual({
      ok: true,
      value: { organizationId, role: "operator" },
    });
    expect((await kit.deps.memberships.find(organizationId, chef.userId))?.role).toBe("operator");
    expect(await accept.execute({ actor: chef, token })).toMatchObject({
      ok: false,
      error: { code: "invalid-token" },
    });
  });

  it("an invitation works only for the address it was sent to", async () => {
    const { kit, owner, organizationId } = await team();
    await add(kit, owner, organizationId, "chef@example.com", "operator");
    const token = kit.mailer.lastToken("invitation", "chef@example.com");
    await kit.registerUser("eve@example.com");
    const eve = kit.actorOf(await kit.login("eve@example.com"));
    expect(await new AcceptInvitationUseCase(kit.deps).execute({ actor: eve, token })).toMatchObject({
      ok: false,
      error: { code: "forbidden", rule: "invitation-email-mismatch" },
    });
    expect(await kit.deps.memberships.find(organizationId, eve.userId)).toBeNull();
  });

  it("an invitation expires after 7 days", async () => {
    const { kit, owner, organizationId } = await team();
    await add(kit, owner, organizationId, "chef@example.com", "operator");
    const token = kit.mailer.lastToken("invitation", "chef@example.com");
    kit.clock.advanceSeconds(7 * 24 * 3600);
    await kit.registerUser("chef@example.com");
    const chef = kit.actorOf(await kit.login("chef@example.com"));
    expect(await new AcceptInvitationUseCase(kit.deps).execute({ actor: chef, token })).toMatchObject({
      ok: false,
      error: { code: "token-expired" },
    });
  });

  it("role rules: operator and analyst manage nobody; admin cannot grant or touch owner", async () => {
    const { kit, owner, admin, operator, analyst, organizationId } = await team();
    const forbidden = (rule: string) => ({ ok: false, error: { code: "forbidden", rule } });
    expect(await add(kit, operator.actor, organizationId, "x@example.com", "analyst")).toMatchObject(
      forbidden("members-manage-permission"),
    );
    expect(await changeRole(kit, analyst.actor, organizationId, operator.userId, "admin")).toMatchObject(
      forbidden("members-manage-permission"),
    );
    expect(await remove(kit, operator.actor, organizationId, analyst.userId)).toMatchObject(
      forbidden("members-manage-permission"),
    );
    expect(await add(kit, admin.actor, organizationId, "x@example.com", "owner")).toMatchObject(
      forbidden("only-owner-grants-owner"),
    );
    expect(await changeRole(kit, admin.actor, organizationId, operator.userId, "owner")).toMatchObject(
      forbidden("only-owner-grants-owner"),
    );
    expect(await changeRole(kit, admin.actor, organizationId, owner.userId, "admin")).toMatchObject(
      forbidden("only-owner-manages-owners"),
    );
    expect(await remove(kit, admin.actor, organizationId, owner.userId)).toMatchObject(
      forbidden("only-owner-manages-owners"),
    );
  });

  it("last owner: cannot be demoted or removed, not even by themselves", async () => {
    const { kit, owner, organizationId } = await team();
    expect(await changeRole(kit, owner, organizationId, owner.userId, "admin")).toMatchObject({
      ok: false,
      error: { code: "last-owner" },
    });
    expect(await remove(kit, owner, organizationId, owner.userId)).toMatchObject({
      ok: false,
      error: { code: "last-owner" },
    });
    expect(await kit.deps.memberships.countOwners(organizationId)).toBe(1);
  });

  it("with a second owner, the first may step down", async () => {
    const { kit, owner, admin, organizationId } = await team();
    expect((await changeRole(kit, owner, organizationId, admin.userId, "owner")).ok).toBe(true);
    expect(await changeRole(kit, owner, organizationId, owner.userId, "analyst")).toEqual({
      ok: true,
      value: { userId: owner.userId, role: "analyst" },
    });
    expect(kit.audit.entries.at(-1)).toMatchObject({
      action: "auth.member.role_changed",
      metadata: { from: "owner", to: "analyst" },
    });
  });

  it("a downgraded member's sessions in the organization end at once", async () => {
    const { kit, owner, admin, organizationId } = await team();
    expect((await changeRole(kit, owner, organizationId, admin.userId, "analyst")).ok).toBe(true);
    expect(kit.revocations.revoked.has(admin.actor.sessionId)).toBe(true);
  });

  it("removing a member ends their sessions in the organization; anyone may leave", async () => {
    const { kit, admin, operator, analyst, organizationId } = await team();
    expect((await remove(kit, admin.actor, organizationId, operator.userId)).ok).toBe(true);
    expect(kit.revocations.revoked.has(operator.actor.sessionId)).toBe(true);
    expect(await kit.deps.memberships.find(organizationId, operator.userId)).toBeNull();
    expect((await remove(kit, analyst.actor, organizationId, analyst.userId)).ok).toBe(true);
    expect(kit.audit.entries.at(-1)).toMatchObject({ action: "auth.member.removed", metadata: { self: true } });
  });

  it("an unknown member is not-found", async () => {
    const { kit, owner, organizationId } = await team();
    const stranger = await kit.registerUser("stranger@example.com");
    expect(await changeRole(kit, owner, organizationId, stranger, "analyst")).toMatchObject({
      ok: false,
      error: { code: "not-found" },
    });
  });
});
