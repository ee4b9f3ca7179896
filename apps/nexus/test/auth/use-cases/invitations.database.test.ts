import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import type { AuthenticatedActor } from "@/contexts/auth/application/actor";
import type { AuthSettings } from "@/contexts/auth/application/auth-deps";
import type { PageRequest } from "@/contexts/auth/application/ports/page";
import { AcceptInvitationUseCase } from "@/contexts/auth/application/use-cases/accept-invitation.use-case";
import { ChangeMemberRoleUseCase } from "@/contexts/auth/application/use-cases/change-member-role.use-case";
import { InviteMemberUseCase } from "@/contexts/auth/application/use-cases/invite-member.use-case";
import { ListMyInvitationsUseCase } from "@/contexts/auth/application/use-cases/list-my-invitations.use-case";
import { ListOrganizationInvitationsUseCase } from "@/contexts/auth/application/use-cases/list-organization-invitations.use-case";
import { RemoveMemberUseCase } from "@/contexts/auth/application/use-cases/remove-member.use-case";
import { RevokeInvitationUseCase } from "@/contexts/auth/application/use-cases/revoke-invitation.use-case";
import { Membership } from "@/contexts/auth/domain/membership.entity";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { queryRows } from "@/shared/infrastructure/database/database-client";
import { expectErr, expectOk } from "../../support/expectations";
import { type AuthDatabaseKit, createAuthDatabaseKit } from "../support/auth-database-kit";

// Invitations through the real repositories on a cloned database (PGlite, or PostgreSQL when
// DATABASE_URL is set): the unique pending index, the quota counts and the spent rows are real.
describe("invitations on the database", () => {
  let kit: AuthDatabaseKit;
  afterEach(() => kit?.dispose());

  async function start(settings: Partial<AuthSettings> = {}) {
    kit = await createAuthDatabaseKit(settings);
    const { actor: owner, organization } = await kit.ownerWithOrganization("ana@example.com");
    return { owner, organizationId: organization.id };
  }

  const invite = (actor: AuthenticatedActor, organizationId: Uuid, email: string, role = "operator") =>
    new InviteMemberUseCase(kit.deps).execute({ actor, organizationId, email, role });
  const acceptToken = (actor: AuthenticatedActor, token: string) =>
    new AcceptInvitationUseCase(kit.deps).execute({ actor, token });
  const signedIn = async (email: string) => {
    await kit.registerUser(email);
    return kit.actorOf(await kit.login(email));
  };
  const FIRST_PAGE = { limit: 50, cursor: null };
  const listOfOrganization = (actor: AuthenticatedActor, organizationId: Uuid, page: PageRequest = FIRST_PAGE) =>
    new ListOrganizationInvitationsUseCase(kit.deps).execute({ actor, organizationId, page });
  const listMine = (actor: AuthenticatedActor, page: PageRequest = FIRST_PAGE) =>
    new ListMyInvitationsUseCase(kit.deps).execute({ actor, page });
  const pendingRows = async (email: string) =>
    (
      await queryRows<{ n: number }>(
        kit.database.client.db,
        sql`select count(*)::int as n from auth.one_time_tokens
            where purpose = 'invitation' and email = ${email} and used_at is null`,
      )
    )[0]?.n;

  it("login never defaults into an organization the user has not accepted; after accepting it does", async () => {
    const { owner, organizationId } = await start();
    await kit.registerUser("bruno@example.com");
    expectOk(await invite(owner, organizationId, "bruno@example.com", "admin"));
    const before = await kit.login("bruno@example.com");
    expect(before.organizationId).toBeNull();
    expect(before.organizations).toEqual([]);
    expect(await kit.deps.memberships.find(organizationId, before.user.id)).toBeNull();

    expectOk(await acceptToken(kit.actorOf(before), kit.mailer.lastToken("invitation", "bruno@example.com")));
    expect((await kit.login("bruno@example.com")).organizationId).toBe(organizationId);
  });

  it("a membership made without consent (before invitations) is never the login default", async () => {
    const { organizationId } = await start();
    const brunoId = await kit.registerUser("bruno@example.com");
    // As main used to: a row with no acceptance (the migration leaves those NULL).
    const forced = Membership.restore({
      ...Membership.grant({ organizationId, userId: brunoId, role: "analyst", now: kit.clock.now() }).toProps(),
      acceptedAt: null,
    });
    await kit.deps.memberships.save(forced);
    expect((await kit.login("bruno@example.com")).organizationId).toBeNull();
    // Asked for explicitly, it still works: it is a membership, just not a default.
    expect((await kit.login("bruno@example.com", organizationId)).organizationId).toBe(organizationId);
  });

  it("one pending invitation per (organization, email): a second invite replaces the first", async () => {
    const { owner, organizationId } = await start();
    expectOk(await invite(owner, organizationId, "chef@example.com", "analyst"));
    const first = kit.mailer.lastToken("invitation", "chef@example.com");
    expectOk(await invite(owner, organizationId, "Chef@Example.com", "operator"));
    const second = kit.mailer.lastToken("invitation", "chef@example.com");
    expect(second).not.toBe(first);
    expect(await pendingRows("chef@example.com")).toBe(1);

    const chef = await signedIn("chef@example.com");
    expectErr(await acceptToken(chef, first), "invalid-token");
    expect(expectOk(await acceptToken(chef, second))).toEqual({ organizationId, role: "operator" });
  });

  it("the unique partial index holds even against a direct insert of a second pending invitation", async () => {
    const { owner, organizationId } = await start();
    expectOk(await invite(owner, organizationId, "chef@example.com"));
    const copy = await queryRows<{ id: string }>(
      kit.database.client.db,
      sql`select id from auth.one_time_tokens where purpose = 'invitation' and email = 'chef@example.com'`,
    );
    expect(copy).toHaveLength(1);
    const duplicate = kit.database.client.db.execute(
      sql`insert into auth.one_time_tokens (id, created_at, updated_at, purpose, token_hash, email,
            invitation_organization_id, invitation_role, invited_by, expires_at)
          select gen_random_uuid(), created_at, updated_at, purpose, token_hash || 'x', email,
            invitation_organization_id, invitation_role, invited_by, expires_at
          from auth.one_time_tokens where id = ${copy[0]?.id}`,
    );
    await expect(duplicate).rejects.toThrow();
  });

  it("daily quotas per organization and per inviter answer invitation-quota-exceeded, until 24 hours pass", async () => {
    const { owner, organizationId } = await start({ invitationQuota: { perOrganization: 4, perInviter: 3 } });
    const admin = kit.actorOf(await kit.join(owner, organizationId, "root@example.com", "admin"));
    expectOk(await invite(owner, organizationId, "a@example.com"));
    expectOk(await invite(owner, organizationId, "b@example.com"));
    expectErr(await invite(owner, organizationId, "c@example.com"), "invitation-quota-exceeded", { quota: "inviter" });
    // Another admin may still invite, until the organization's quota is spent.
    expectOk(await invite(admin, organizationId, "d@example.com"));
    expectErr(await invite(admin, organizationId, "e@example.com"), "invitation-quota-exceeded", {
      quota: "organization",
    });
    expect(kit.mailer.sent.filter((m) => m.kind === "invitation").map((m) => m.to)).not.toContain("e@example.com");
    kit.clock.advanceSeconds(24 * 3600);
    expectOk(await invite(owner, organizationId, "c@example.com"));
  });

  it("the inviter quota counts across organizations (one account cannot multiply it with organizations)", async () => {
    const { owner, organizationId } = await start({ invitationQuota: { perOrganization: 10, perInviter: 2 } });
    const second = await kit.createOrganization(owner, "Second");
    const inSecond = kit.actorOf(await kit.login("ana@example.com", second.id));
    expectOk(await invite(owner, organizationId, "a@example.com"));
    expectOk(await invite(inSecond, second.id, "b@example.com"));
    expectErr(await invite(inSecond, second.id, "c@example.com"), "invitation-quota-exceeded", { quota: "inviter" });
  });

  it("the inviter quota holds against concurrent invites in several organizations", async () => {
    const { owner, organizationId } = await start({ invitationQuota: { perOrganization: 10, perInviter: 2 } });
    const actors = [{ actor: owner, organizationId }];
    for (const name of ["Second", "Third", "Fourth"]) {
      const organization = await kit.createOrganization(owner, name);
      actors.push({
        actor: kit.actorOf(await kit.login("ana@example.com", organization.id)),
        organizationId: organization.id,
      });
    }
    // Each organization's lock serialises only its own invites: without the inviter's lock, on
    // PostgreSQL all four count 0 sent and all four go through.
    const results = await Promise.all(
      actors.flatMap(({ actor, organizationId: id }, i) =>
        [0, 1].map((k) => invite(actor, id, `guest-${i}-${k}@example.com`)),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    for (const refused of results.filter((r) => !r.ok)) {
      expectErr(refused, "invitation-quota-exceeded", { quota: "inviter" });
    }
  });

  it("accepting re-checks the inviter: one who may no longer grant the role makes the invitation invalid", async () => {
    const { owner, organizationId } = await start();
    const admin = kit.actorOf(await kit.join(owner, organizationId, "root@example.com", "admin"));
    expectOk(await invite(admin, organizationId, "chef@example.com", "admin"));
    // Demoted behind the use cases' back (nothing spent the invitation): the re-check alone must refuse.
    const membership = await kit.deps.memberships.find(organizationId, admin.userId);
    if (!membership) throw new Error("no membership");
    await kit.deps.memberships.save(Membership.restore({ ...membership.toProps(), role: "analyst" }));
    const chef = await signedIn("chef@example.com");
    expectErr(await acceptToken(chef, kit.mailer.lastToken("invitation", "chef@example.com")), "invalid-token");
    expect(await kit.deps.memberships.find(organizationId, chef.userId)).toBeNull();
  });

  it("removing or demoting a member spends the invitations they sent", async () => {
    const { owner, organizationId } = await start();
    const removed = kit.actorOf(await kit.join(owner, organizationId, "gone@example.com", "admin"));
    const demoted = kit.actorOf(await kit.join(owner, organizationId, "down@example.com", "admin"));
    expectOk(await invite(removed, organizationId, "one@example.com"));
    expectOk(await invite(demoted, organizationId, "two@example.com"));
    expectOk(await invite(owner, organizationId, "three@example.com"));

    expectOk(await new RemoveMemberUseCase(kit.deps).execute({ actor: owner, organizationId, userId: removed.userId }));
    expectOk(
      await new ChangeMemberRoleUseCase(kit.deps).execute({
        actor: owner,
        organizationId,
        userId: demoted.userId,
        role: "operator",
      }),
    );
    expect(await pendingRows("one@example.com")).toBe(0);
    expect(await pendingRows("two@example.com")).toBe(0);
    expect(await pendingRows("three@example.com")).toBe(1);
    const one = await signedIn("one@example.com");
    expectErr(await acceptToken(one, kit.mailer.lastToken("invitation", "one@example.com")), "invalid-token");
  });

  it("admins list and revoke pending invitations; operators may not; another organization's is not-found", async () => {
    const { owner, organizationId } = await start();
    const operator = kit.actorOf(await kit.join(owner, organizationId, "op@example.com", "operator"));
    expectOk(await invite(owner, organizationId, "chef@example.com", "admin"));
    const [pending] = expectOk(await listOfOrganization(owner, organizationId)).items;
    expect(pending).toMatchObject({ email: "chef@example.com", role: "admin", invitedBy: owner.userId });
    expectErr(await listOfOrganization(operator, organizationId), "forbidden");

    const revoke = (actor: AuthenticatedActor, invitationId: Uuid, id = organizationId) =>
      new RevokeInvitationUseCase(kit.deps).execute({ actor, organizationId: id, invitationId });
    if (!pending) throw new Error("no pending invitation");
    expectErr(await revoke(operator, pending.id), "forbidden");
    const other = await kit.ownerWithOrganization("eve@example.com");
    expectErr(await revoke(other.actor, pending.id, other.organization.id), "not-found");
    expectOk(await revoke(owner, pending.id));
    expect(expectOk(await listOfOrganization(owner, organizationId))).toEqual({ items: [], nextCursor: null });
    expectErr(await revoke(owner, pending.id), "not-found");

    const chef = await signedIn("chef@example.com");
    expectErr(await acceptToken(chef, kit.mailer.lastToken("invitation", "chef@example.com")), "invalid-token");
    const audit = await queryRows<{ action: string; metadata: unknown }>(
      kit.database.client.db,
      sql`select action, metadata from platform.audit_entries where action = 'auth.invitation.revoked'`,
    );
    expect(audit).toHaveLength(1);
  });

  it("signed in: my pending invitations, accepted by id; someone else's id is not-found", async () => {
    const { owner, organizationId } = await start();
    expectOk(await invite(owner, organizationId, "chef@example.com", "analyst"));
    const chef = await signedIn("chef@example.com");
    const eve = await signedIn("eve@example.com");
    const [mine] = expectOk(await listMine(chef)).items;
    expect(mine).toMatchObject({ organizationId, organizationName: "Bakery", role: "analyst" });
    expect(expectOk(await listMine(eve)).items).toEqual([]);
    if (!mine) throw new Error("no invitation");

    const accept = (actor: AuthenticatedActor) =>
      new AcceptInvitationUseCase(kit.deps).execute({ actor, invitationId: mine.id });
    expectErr(await accept(eve), "not-found");
    expect(expectOk(await accept(chef))).toEqual({ organizationId, role: "analyst" });
    expectErr(await accept(chef), "invalid-token");
    expect(expectOk(await listMine(chef)).items).toEqual([]);
  });

  it("both lists page by (created, id): disjoint pages that add up to the whole list; a foreign cursor is refused", async () => {
    const { owner, organizationId } = await start();
    for (const name of ["a", "b", "c"]) expectOk(await invite(owner, organizationId, `${name}@example.com`));
    for (const inviter of ["bea@example.com", "caio@example.com"]) {
      const other = await kit.ownerWithOrganization(inviter);
      expectOk(await invite(other.actor, other.organization.id, "a@example.com"));
    }
    const invitee = await signedIn("a@example.com");
    const lists = [
      (page: PageRequest) => listOfOrganization(owner, organizationId, page),
      (page: PageRequest) => listMine(invitee, page),
    ];
    for (const list of lists) {
      const whole = expectOk(await list(FIRST_PAGE));
      expect(whole.items).toHaveLength(3);
      expect(whole.nextCursor).toBeNull();
      const first = expectOk(await list({ limit: 2, cursor: null }));
      expect(first.items).toHaveLength(2);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = expectOk(await list({ limit: 2, cursor: first.nextCursor }));
      expect(second.nextCursor).toBeNull();
      expect([...first.items, ...second.items].map((i) => i.id)).toEqual(whole.items.map((i) => i.id));
      expectErr(await list({ limit: 2, cursor: "not-a-cursor" }), "invalid-cursor");
    }
  });

  it("tokens and their hashes never reach the audit trail", async () => {
    const { owner, organizationId } = await start();
    expectOk(await invite(owner, organizationId, "chef@example.com"));
    expectOk(await invite(owner, organizationId, "chef@example.com"));
    const chef = await signedIn("chef@example.com");
    const token = kit.mailer.lastToken("invitation", "chef@example.com");
    expectOk(await acceptToken(chef, token));
    const audit = JSON.stringify(
      await queryRows(kit.database.client.db, sql`select metadata, resource_id from platform.audit_entries`),
    );
    for (const mailed of kit.mailer.sent.flatMap((m) => ("token" in m ? [m.token] : []))) {
      expect(audit).not.toContain(mailed);
      expect(audit).not.toContain(kit.deps.secureTokens.hash(mailed));
    }
  });
});
