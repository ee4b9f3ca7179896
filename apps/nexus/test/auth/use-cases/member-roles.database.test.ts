import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ChangeMemberRoleUseCase } from "@/contexts/auth/application/use-cases/change-member-role.use-case";
import { UpdateOrganizationUseCase } from "@/contexts/auth/application/use-cases/update-organization.use-case";
import { queryRows } from "@/shared/infrastructure/database/database-client";
import { expectErr, expectOk, expectPublished } from "../../support/expectations";
import { type AuthDatabaseKit, createAuthDatabaseKit } from "../support/auth-database-kit";

// Rules that hold only under row locks, so they run on a real (cloned) database: PGlite on the
// embedded pass, PostgreSQL — with real concurrency — when DATABASE_URL is set.
describe("member roles and organization settings on the database", () => {
  let kit: AuthDatabaseKit;
  beforeEach(async () => {
    kit = await createAuthDatabaseKit();
  });
  afterEach(() => kit.dispose());

  const auditCount = async (action: string) =>
    (
      await queryRows<{ n: number }>(
        kit.database.client.db,
        sql`select count(*)::int as n from platform.audit_entries where action = ${action}`,
      )
    )[0]?.n;

  /** An organization with two owners, each signed in to it. */
  async function twoOwners() {
    const first = await kit.ownerWithOrganization("ana@example.com");
    const brunoId = await kit.registerUser("bruno@example.com");
    const bruno = kit.actorOf(await kit.join(first.actor, first.organization.id, "bruno@example.com", "owner"));
    return { organizationId: first.organization.id, ana: first.actor, bruno, brunoId };
  }

  it("two owners demoting each other at once: exactly one wins, the organization keeps an owner", async () => {
    const { organizationId, ana, bruno } = await twoOwners();
    const demote = (actor: typeof ana, target: typeof ana) =>
      new ChangeMemberRoleUseCase(kit.deps).execute({ actor, organizationId, userId: target.userId, role: "admin" });
    const results = await Promise.all([demote(ana, bruno), demote(bruno, ana)]);

    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    if (!refused) throw new Error("both demotions succeeded");
    // The loser is no longer an owner once the winner committed: it may not manage owners any more,
    // or (if it read first) it sees the last owner.
    expect(["last-owner", "forbidden"]).toContain(refused.ok ? null : refused.error.code);
    expect(await kit.deps.memberships.countOwners(organizationId)).toBe(1);
    expect(await auditCount("auth.member.role_changed")).toBe(1);
  });

  it("a refused change writes nothing: no row, no audit entry", async () => {
    const { organizationId, ana } = await twoOwners();
    const result = await new ChangeMemberRoleUseCase(kit.deps).execute({
      actor: ana,
      organizationId,
      userId: ana.userId,
      role: "chief",
    });
    expectErr(result, "validation-failed");
    expect(await kit.deps.memberships.countOwners(organizationId)).toBe(2);
    expect(await auditCount("auth.member.role_changed")).toBe(0);
  });

  it("an organization update publishes auth.organization.updated.v1 with the change; a refused one nothing", async () => {
    const { organizationId, ana, bruno } = await twoOwners();
    const update = new UpdateOrganizationUseCase(kit.deps);
    expectOk(await update.execute({ actor: ana, organizationId, timezone: "Atlantic/Azores" }));
    const [event] = await expectPublished(kit.database.client, "auth.organization.updated.v1", { count: 1 });
    expect(event?.payload).toMatchObject({ organizationId, timezone: "Atlantic/Azores", currency: "EUR" });

    expectOk(
      await new ChangeMemberRoleUseCase(kit.deps).execute({
        actor: ana,
        organizationId,
        userId: bruno.userId,
        role: "admin",
      }),
    );
    expectErr(await update.execute({ actor: bruno, organizationId, name: "Mine now" }), "forbidden", {
      rule: "organization-manage-permission",
    });
    await expectPublished(kit.database.client, "auth.organization.updated.v1", { count: 1 });
    expect(await auditCount("auth.organization.updated")).toBe(1);
  });
});
