import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/contexts/auth/domain/role.value-object";
import { accessRevocations } from "@/contexts/auth/infrastructure/persistence/access-revocation.table";
import { DrizzleAccessRevocationStore } from "@/contexts/auth/infrastructure/persistence/drizzle-access-revocation.store";
import { DrizzleMembershipRepository } from "@/contexts/auth/infrastructure/persistence/drizzle-membership.repository";
import { DrizzleOrganizationRepository } from "@/contexts/auth/infrastructure/persistence/drizzle-organization.repository";
import { DrizzleSessionRepository } from "@/contexts/auth/infrastructure/persistence/drizzle-session.repository";
import { DrizzleUserRepository } from "@/contexts/auth/infrastructure/persistence/drizzle-user.repository";
import { AccessRevoked } from "@/contexts/auth/infrastructure/security/access-revocation";
import { OutboxAccessRevocations } from "@/contexts/auth/infrastructure/security/outbox.access-revocations";
import { RevocationFeed } from "@/contexts/auth/infrastructure/security/revocation-feed";
import { RevocationSet, type RevocationSubject } from "@/contexts/auth/infrastructure/security/revocation-set";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { InProcessBroadcast } from "@/shared/infrastructure/cache/in-process.broadcast";
import { outboxEvents } from "@/shared/infrastructure/events/outbox-event.table";
import { OutboxWriter } from "@/shared/infrastructure/events/outbox-writer";
import { createLogger } from "@/shared/infrastructure/logging/logger";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";
import { waitUntil } from "../../support/wait";
import { aMembership, anOrganization, aSession, aUser, T0 } from "../persistence/auth-fixtures";

const silent = createLogger({ LOG_LEVEL: "silent" });

describe("access revocations on the database (ADR 0010)", () => {
  let database: TestDatabase;
  let store: DrizzleAccessRevocationStore;
  let broadcast: InProcessBroadcast;
  /** An instance: its feed (the guard's check) and its port (what its use cases record with). */
  const instance = () => {
    const feed = new RevocationFeed(store, broadcast, silent);
    const port = new OutboxAccessRevocations(database.client, store, new OutboxWriter(database.client), feed, 900);
    return { feed, port };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new DrizzleAccessRevocationStore(database.client);
    broadcast = new InProcessBroadcast();
  });
  afterAll(() => database.dispose());

  /** A member of a fresh organization with one session acting there. */
  async function aMemberSession(role: Role) {
    const user = aUser();
    const organization = anOrganization();
    const session = aSession(user.id, { organizationId: organization.id });
    await new DrizzleUserRepository(database.client).save(user);
    await new DrizzleOrganizationRepository(database.client).save(organization);
    await new DrizzleMembershipRepository(database.client).save(aMembership(organization.id, user.id, role));
    await new DrizzleSessionRepository(database.client).save(session);
    const token = (tokenRole: Role | null): RevocationSubject => ({
      sessionId: session.id,
      userId: user.id,
      organizationId: tokenRole ? organization.id : null,
      role: tokenRole,
    });
    return { user, organization, session, token };
  }

  it("records in the revoking transaction, with its outbox event; this instance applies it only after commit", async () => {
    const { feed, port } = instance();
    await feed.start();
    await waitUntil(() => feed.live, 5_000, "the feed to go live");
    const { session, token } = await aMemberSession("admin");

    await database.uow.transaction(async () => {
      await port.revokeSessions([session.id]);
      expect(feed.isRevoked(token("admin"))).toBe(false);
    });
    expect(feed.isRevoked(token("admin"))).toBe(true);
    const rows = await database.client.db
      .select()
      .from(accessRevocations)
      .where(eq(accessRevocations.sessionId, session.id));
    expect(rows).toHaveLength(1);
    const events = await database.client.db
      .select()
      .from(outboxEvents)
      .where(eq(outboxEvents.type, AccessRevoked.type));
    expect(events.some((e) => JSON.stringify(e.payload).includes(session.id))).toBe(true);
    feed.stop();
  });

  it("leaves nothing behind when the revoking transaction rolls back", async () => {
    const { feed, port } = instance();
    await feed.start();
    await waitUntil(() => feed.live, 5_000, "the feed to go live");
    const { session, token } = await aMemberSession("admin");
    await database.uow
      .transaction(async () => {
        await port.revokeSessions([session.id]);
        throw new Error("boom");
      })
      .catch(() => undefined);
    expect(feed.isRevoked(token("admin"))).toBe(false);
    const outbox = await database.client.db.select().from(outboxEvents);
    expect(outbox.some((e) => JSON.stringify(e.payload).includes(session.id))).toBe(false);
    expect(await store.revokes(token("admin"))).toBe(false);
    feed.stop();
  });

  it("an instance that subscribes later loads what was revoked meanwhile, and checks the database until then", async () => {
    const { port } = instance();
    const late = instance().feed;
    const { session, token } = await aMemberSession("operator");
    await database.uow.transaction(async () => {
      session.revoke(T0, "logout");
      await new DrizzleSessionRepository(database.client).save(session);
      await port.revokeSessions([session.id]);
    });
    expect(late.live).toBe(false);
    expect(await late.isRevoked(token("operator"))).toBe(true); // asked the database
    await late.start();
    await waitUntil(() => late.live, 5_000, "the late feed to go live");
    expect(late.isRevoked(token("operator"))).toBe(true); // from memory
    late.stop();
  });

  it("the database fallback and the in-memory check agree, case by case", async () => {
    const { port } = instance();
    const memberships = new DrizzleMembershipRepository(database.client);
    const demoted = await aMemberSession("owner");
    const removed = await aMemberSession("admin");
    const rejoined = await aMemberSession("admin");
    const untouched = await aMemberSession("analyst");
    const loggedOut = await aMemberSession("operator");
    await database.uow.transaction(async () => {
      await memberships.save(aMembership(demoted.organization.id, demoted.user.id, "operator"));
      await port.membershipChanged(demoted.organization.id, demoted.user.id, "operator");
      for (const member of [removed, rejoined]) {
        await memberships.delete(member.organization.id, member.user.id);
        await port.membershipChanged(member.organization.id, member.user.id, null);
      }
    });
    await database.uow.transaction(async () => {
      await memberships.save(aMembership(rejoined.organization.id, rejoined.user.id, "operator"));
      await port.membershipChanged(rejoined.organization.id, rejoined.user.id, "operator");
      loggedOut.session.revoke(T0, "logout");
      await new DrizzleSessionRepository(database.client).save(loggedOut.session);
      await port.revokeSessions([loggedOut.session.id]);
    });

    const inMemory = new RevocationSet();
    inMemory.add(await store.unexpired(new Date()));
    const cases: [string, RevocationSubject, boolean][] = [
      ["demoted, owner token", demoted.token("owner"), true],
      ["demoted, operator token", demoted.token("operator"), false],
      ["demoted, no organization", demoted.token(null), false],
      ["removed, admin token", removed.token("admin"), true],
      ["removed, analyst token", removed.token("analyst"), true],
      ["rejoined as operator, admin token", rejoined.token("admin"), true],
      ["rejoined as operator, operator token", rejoined.token("operator"), false],
      ["untouched", untouched.token("analyst"), false],
      ["logged out", loggedOut.token("operator"), true],
      ["logged out, no organization", loggedOut.token(null), true],
    ];
    for (const [what, subject, revoked] of cases) {
      expect(inMemory.revokes(subject), `${what} (memory)`).toBe(revoked);
      expect(await store.revokes(subject), `${what} (database)`).toBe(revoked);
    }
    // A token naming someone else's session, or a session that is gone, is refused by the database.
    const stranger = { ...untouched.token("analyst"), userId: demoted.user.id as string };
    expect(await store.revokes(stranger)).toBe(true);
    expect(await store.revokes({ ...untouched.token(null), sessionId: "0190a000-0000-7000-8000-000000000000" })).toBe(
      true,
    );
  });

  it("purges what has expired", async () => {
    const { port } = instance();
    const { session } = await aMemberSession("analyst");
    await port.revokeSessions([session.id as Uuid]);
    expect(await store.purgeExpired(new Date(Date.now() + 900_000))).toBe(0);
    expect(await store.purgeExpired(new Date(Date.now() + 961_000 + 60_000))).toBeGreaterThan(0);
    expect(await store.unexpired(new Date())).toEqual([]);
  });
});
