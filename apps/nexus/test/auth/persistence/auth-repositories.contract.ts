import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthUnitOfWork } from "@/contexts/auth/application/ports/auth-unit-of-work.port";
import type { MembershipRepository, MemberView } from "@/contexts/auth/application/ports/membership.repository";
import type { OneTimeTokenRepository } from "@/contexts/auth/application/ports/one-time-token.repository";
import type { OrganizationRepository } from "@/contexts/auth/application/ports/organization.repository";
import type { Page } from "@/contexts/auth/application/ports/page";
import type { SessionRepository } from "@/contexts/auth/application/ports/session.repository";
import type { UserRepository } from "@/contexts/auth/application/ports/user.repository";
import { Email } from "@/contexts/auth/domain/email.value-object";
import { OneTimeToken } from "@/contexts/auth/domain/one-time-token.entity";
import { unwrap } from "@/shared/domain/result";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { expectErr } from "../../support/expectations";
import {
  aMembership,
  anOrganization,
  aSession,
  aToken,
  at,
  aUser,
  defined,
  T0,
  uniqueEmail,
  uniqueHash,
} from "./auth-fixtures";

export interface AuthRepositoriesHarness {
  users: UserRepository;
  organizations: OrganizationRepository;
  memberships: MembershipRepository;
  sessions: SessionRepository;
  oneTimeTokens: OneTimeTokenRepository;
  unitOfWork: AuthUnitOfWork;
  dispose(): Promise<void>;
}

/** Cursors no implementation issues: garbage, and a well-formed time.id past year 9999. */
const FOREIGN_CURSORS = ["not-a-cursor", Buffer.from(`999999999999999.${Uuid.generate()}`).toString("base64url")];

/** Behaviour every implementation of the auth repository ports shares: in-memory fakes and Drizzle. */
export function describeAuthRepositoriesContract(name: string, open: () => Promise<AuthRepositoriesHarness>): void {
  describe(`${name} (auth repositories contract)`, () => {
    let h: AuthRepositoriesHarness;
    beforeAll(async () => {
      h = await open();
    });
    afterAll(() => h.dispose());

    describe("users", () => {
      it("saves a user and finds it by id and by email, with every field", async () => {
        const user = aUser();
        await h.users.save(user);
        expect((await h.users.findById(user.id))?.toProps()).toEqual(user.toProps());
        expect((await h.users.findByEmail(user.email))?.id).toBe(user.id);
        expect(await h.users.findByEmail(unwrap(Email.parse(uniqueEmail("nobody"))))).toBeNull();
        expect(await h.users.findById(Uuid.generate())).toBeNull();
      });

      it("updates a saved user", async () => {
        const user = aUser();
        await h.users.save(user);
        user.verifyEmail(at(60));
        user.replacePasswordHash("$argon2id$new", at(61));
        await h.users.save(user);
        const found = await h.users.findById(user.id);
        expect(found?.emailVerifiedAt?.toISOString()).toBe(at(60).toISOString());
        expect(found?.passwordHash).toBe("$argon2id$new");
        expect(found?.createdAt.toISOString()).toBe(T0.toISOString());
      });

      it("refuses a second account with the same email", async () => {
        const email = uniqueEmail("twice");
        await h.users.save(aUser(email));
        await expect(h.users.save(aUser(email))).rejects.toThrow();
      });
    });

    describe("organizations", () => {
      it("saves organizations and finds them by id", async () => {
        const a = anOrganization("Alpha Bakery");
        const b = anOrganization("Beta Kitchen");
        await h.organizations.save(a);
        await h.organizations.save(b);
        expect((await h.organizations.findById(a.id))?.toProps()).toEqual(a.toProps());
        expect((await h.organizations.findById(b.id))?.name).toBe("Beta Kitchen");
        expect(await h.organizations.findById(Uuid.generate())).toBeNull();
      });
    });

    describe("memberships", () => {
      async function organizationWithMembers(count: number) {
        const organization = anOrganization();
        await h.organizations.save(organization);
        const users = [];
        for (let i = 0; i < count; i++) {
          const user = aUser(uniqueEmail(`member${i}`), T0, `Member ${i}`);
          await h.users.save(user);
          await h.memberships.save(aMembership(organization.id, user.id, i === 0 ? "owner" : "analyst", at(i)));
          users.push(user);
        }
        return { organization, users };
      }

      it("saves, finds, changes the role of and deletes a membership", async () => {
        const { organization, users } = await organizationWithMembers(1);
        const userId = defined(users[0]).id;
        const membership = defined(await h.memberships.find(organization.id, userId));
        expect(membership.role).toBe("owner");
        expect(membership.changeRole({ by: membership, role: "admin", ownerCount: 2, now: at(100) }).ok).toBe(true);
        await h.memberships.save(membership);
        expect((await h.memberships.find(organization.id, userId))?.role).toBe("admin");
        expect((await h.memberships.find(organization.id, userId))?.createdAt.toISOString()).toBe(T0.toISOString());
        await h.memberships.delete(organization.id, userId);
        expect(await h.memberships.find(organization.id, userId)).toBeNull();
        expect(await h.memberships.find(Uuid.generate(), userId)).toBeNull();
      });

      it("lists a user's memberships oldest first", async () => {
        const user = aUser();
        await h.users.save(user);
        const [first, second, third] = [anOrganization(), anOrganization(), anOrganization()] as const;
        await h.memberships.save(aMembership(second.id, user.id, "owner", at(20)));
        await h.memberships.save(aMembership(first.id, user.id, "analyst", at(10)));
        await h.memberships.save(aMembership(third.id, user.id, "admin", at(30)));
        const listed = await h.memberships.listByUser(user.id);
        expect(listed.map((m) => m.organizationId)).toEqual([first.id, second.id, third.id]);
        expect(listed.map((m) => m.role)).toEqual(["analyst", "owner", "admin"]);
      });

      it("lists a user's organizations with the role in each, oldest membership first", async () => {
        const user = aUser();
        await h.users.save(user);
        const [first, second] = [anOrganization("First"), anOrganization("Second")] as const;
        for (const organization of [first, second]) await h.organizations.save(organization);
        await h.memberships.save(aMembership(second.id, user.id, "owner", at(20)));
        await h.memberships.save(aMembership(first.id, user.id, "analyst", at(10)));
        const listed = await h.memberships.listOrganizationsOfUser(user.id);
        expect(listed.map(({ organization, role }) => [organization.name, role])).toEqual([
          ["First", "analyst"],
          ["Second", "owner"],
        ]);
        expect(await h.memberships.listOrganizationsOfUser(aUser().id)).toEqual([]);
      });

      it("pages through members by join time with a cursor, with their email and name", async () => {
        const { organization, users } = await organizationWithMembers(5);
        const seen: string[] = [];
        let cursor: string | null = null;
        const sizes: number[] = [];
        do {
          const page: Page<MemberView> = unwrap(await h.memberships.listMembers(organization.id, { limit: 2, cursor }));
          sizes.push(page.items.length);
          seen.push(...page.items.map((m) => m.userId));
          cursor = page.nextCursor;
        } while (cursor !== null);
        expect(sizes).toEqual([2, 2, 1]);
        expect(seen).toEqual(users.map((u) => u.id));

        const [owner] = unwrap(await h.memberships.listMembers(organization.id, { limit: 1, cursor: null })).items;
        const firstUser = defined(users[0]);
        expect(owner).toEqual({
          userId: firstUser.id,
          email: firstUser.email,
          name: "Member 0",
          role: "owner",
          joinedAt: T0,
        });
      });

      it("refuses a cursor it did not issue on both membership lists", async () => {
        const { organization, users } = await organizationWithMembers(1);
        const userId = defined(users[0]).id;
        for (const cursor of FOREIGN_CURSORS) {
          expectErr(await h.memberships.listMembers(organization.id, { limit: 2, cursor }), "invalid-cursor");
          expectErr(await h.memberships.pageOrganizationsOfUser(userId, { limit: 2, cursor }), "invalid-cursor");
        }
      });

      it("pages a user's organizations oldest membership first with a cursor", async () => {
        const user = aUser();
        await h.users.save(user);
        const joined = [anOrganization("A"), anOrganization("B"), anOrganization("C")];
        for (const [i, organization] of joined.entries()) {
          await h.organizations.save(organization);
          await h.memberships.save(aMembership(organization.id, user.id, "analyst", at(i)));
        }
        const first = unwrap(await h.memberships.pageOrganizationsOfUser(user.id, { limit: 2, cursor: null }));
        expect(first.nextCursor).toEqual(expect.any(String));
        const second = unwrap(
          await h.memberships.pageOrganizationsOfUser(user.id, { limit: 2, cursor: first.nextCursor }),
        );
        expect(second.nextCursor).toBeNull();
        expect([...first.items, ...second.items].map((o) => o.organization.id)).toEqual(joined.map((o) => o.id));
      });

      it("answers an exact page with no next cursor", async () => {
        const { organization } = await organizationWithMembers(2);
        const page = unwrap(await h.memberships.listMembers(organization.id, { limit: 2, cursor: null }));
        expect(page.items).toHaveLength(2);
        expect(page.nextCursor).toBeNull();
      });

      it("never returns another organization's members, nor counts its owners", async () => {
        const a = await organizationWithMembers(2);
        const b = await organizationWithMembers(3);
        const both = defined(a.users[1]);
        await h.memberships.save(aMembership(b.organization.id, both.id, "owner", at(50)));

        const pageA = unwrap(await h.memberships.listMembers(a.organization.id, { limit: 50, cursor: null }));
        expect(pageA.items.map((m) => m.userId)).toEqual(a.users.map((u) => u.id));
        const pageB = unwrap(await h.memberships.listMembers(b.organization.id, { limit: 50, cursor: null }));
        expect(pageB.items.map((m) => m.userId)).toEqual([...b.users.map((u) => u.id), both.id]);
        expect((await h.memberships.find(a.organization.id, both.id))?.role).toBe("analyst");
        expect(await h.memberships.find(a.organization.id, defined(b.users[0]).id)).toBeNull();
        expect(await h.memberships.countOwners(a.organization.id)).toBe(1);
        expect(await h.memberships.countOwners(b.organization.id)).toBe(2);
      });

      it("counts owners inside a unit of work", async () => {
        const { organization, users } = await organizationWithMembers(3);
        const count = await h.unitOfWork.transaction(async () => {
          const promoted = defined(await h.memberships.find(organization.id, defined(users[2]).id));
          const owner = defined(await h.memberships.find(organization.id, defined(users[0]).id));
          expect(promoted.changeRole({ by: owner, role: "owner", ownerCount: 1, now: at(99) }).ok).toBe(true);
          await h.memberships.save(promoted);
          return h.memberships.countOwners(organization.id);
        });
        expect(count).toBe(2);
      });
    });

    describe("sessions", () => {
      it("saves a session and finds it by id with every field", async () => {
        const session = aSession(Uuid.generate(), { organizationId: Uuid.generate() });
        await h.sessions.save(session);
        expect((await h.sessions.findById(session.id))?.toProps()).toEqual(session.toProps());
        expect(await h.sessions.findById(Uuid.generate())).toBeNull();
      });

      it("resolves every hash of the refresh-token family to the session and its generation", async () => {
        const first = uniqueHash();
        const session = aSession(Uuid.generate(), { hash: first });
        await h.sessions.save(session);
        const second = uniqueHash();
        const policy = { ttlSeconds: 3600, reuseGraceSeconds: 0 };
        expect(session.refresh(1, second, at(10), policy).kind).toBe("rotated");
        await h.sessions.save(session);

        const old = defined(await h.sessions.findByRefreshTokenHash(first));
        expect(old.generation).toBe(1);
        expect(old.session.generation).toBe(2);
        expect(old.session.refreshTokenHash).toBe(second);
        const current = await h.sessions.findByRefreshTokenHash(second);
        expect(current?.generation).toBe(2);
        expect(current?.session.lastUsedAt.toISOString()).toBe(at(10).toISOString());
        expect(await h.sessions.findByRefreshTokenHash(uniqueHash())).toBeNull();

        // Reuse of the old token: the entity revokes, the revocation is stored.
        expect(session.refresh(old.generation, uniqueHash(), at(20), policy).kind).toBe("reuse-detected");
        await h.sessions.save(session);
        const revoked = await h.sessions.findByRefreshTokenHash(second);
        expect(revoked?.session.revokedReason).toBe("reuse-detected");
        expect(revoked?.session.revokedAt?.toISOString()).toBe(at(20).toISOString());
      });

      it("never undoes a stored revocation when a copy read before it is saved", async () => {
        const session = aSession(Uuid.generate());
        await h.sessions.save(session);
        const stale = defined(await h.sessions.findById(session.id));
        const revoking = defined(await h.sessions.findById(session.id));
        revoking.revoke(at(5), "logout-all");
        await h.sessions.save(revoking);

        // e.g. a switch-organization that read the session before a concurrent logout-all committed
        stale.switchOrganization(Uuid.generate(), uniqueHash(), at(6), 3600);
        await h.sessions.save(stale);
        const stored = defined(await h.sessions.findById(session.id));
        expect(stored.revokedReason).toBe("logout-all");
        expect(stored.revokedAt?.toISOString()).toBe(at(5).toISOString());
        expect(await h.sessions.listActiveByUser(session.userId, at(7))).toEqual([]);
      });

      it("lists a user's active sessions, most recently used first", async () => {
        const userId = Uuid.generate();
        const older = aSession(userId, { now: at(0) });
        const newer = aSession(userId, { now: at(100) });
        const revoked = aSession(userId, { now: at(200) });
        revoked.revoke(at(201), "logout");
        const expired = aSession(userId, { now: at(-7200) });
        const someoneElses = aSession(Uuid.generate(), { now: at(100) });
        for (const s of [older, newer, revoked, expired, someoneElses]) await h.sessions.save(s);

        const active = await h.sessions.listActiveByUser(userId, at(300));
        expect(active.map((s) => s.id)).toEqual([newer.id, older.id]);
        // Expiry is exclusive: at expiresAt the session is over.
        expect((await h.sessions.listActiveByUser(userId, older.expiresAt)).map((s) => s.id)).toEqual([newer.id]);
      });

      it("pages a user's active sessions, most recently used first; refuses a cursor it did not issue", async () => {
        const userId = Uuid.generate();
        const used = [
          aSession(userId, { now: at(30) }),
          aSession(userId, { now: at(20) }),
          aSession(userId, { now: at(10) }),
        ];
        for (const s of used) await h.sessions.save(s);
        const first = unwrap(await h.sessions.pageActiveByUser(userId, at(60), { limit: 2, cursor: null }));
        expect(first.nextCursor).toEqual(expect.any(String));
        const second = unwrap(
          await h.sessions.pageActiveByUser(userId, at(60), { limit: 2, cursor: first.nextCursor }),
        );
        expect(second.nextCursor).toBeNull();
        expect([...first.items, ...second.items].map((s) => s.id)).toEqual(used.map((s) => s.id));
        for (const cursor of FOREIGN_CURSORS) {
          expectErr(await h.sessions.pageActiveByUser(userId, at(60), { limit: 2, cursor }), "invalid-cursor");
        }
      });
    });

    describe("one-time tokens", () => {
      it("finds a token by its hash and records its use", async () => {
        const token = aToken("email-verification", { userId: Uuid.generate() });
        await h.oneTimeTokens.save(token);
        const found = defined(await h.oneTimeTokens.findByHash(token.tokenHash));
        expect(found.toProps()).toEqual(token.toProps());
        expect(found.consume("email-verification", at(60)).ok).toBe(true);
        await h.oneTimeTokens.save(found);
        const used = await h.oneTimeTokens.findByHash(token.tokenHash);
        expect(used?.usedAt?.toISOString()).toBe(at(60).toISOString());
        expect(used?.check("email-verification", at(61)).ok).toBe(false);
        expect(await h.oneTimeTokens.findByHash(uniqueHash())).toBeNull();
      });

      it("saves a decoy like any token: of nobody, never usable, gone at the next purge", async () => {
        const decoy = OneTimeToken.decoy({ purpose: "password-reset", tokenHash: uniqueHash(), now: at(0) });
        await h.unitOfWork.transaction(() => h.oneTimeTokens.save(decoy));
        const found = defined(await h.oneTimeTokens.findByHash(decoy.tokenHash));
        expect(found.userId).toBeNull();
        expect(found.email).toBe("nobody@decoy.invalid");
        expect(found.check("password-reset", at(0))).toMatchObject({ ok: false, error: { code: "token-expired" } });
        // The hourly purge keeps spent tokens 30 days; a decoy has been expired since the epoch.
        expect(await h.oneTimeTokens.purgeSpentBefore(at(-30 * 24 * 3600))).toBeGreaterThanOrEqual(1);
        expect(await h.oneTimeTokens.findByHash(decoy.tokenHash)).toBeNull();
      });

      it("invalidates every outstanding token of one user and purpose, and nothing else", async () => {
        const userId = Uuid.generate();
        const first = aToken("password-reset", { userId });
        const second = aToken("password-reset", { userId, now: at(60) });
        const alreadyUsed = aToken("password-reset", { userId });
        expect(alreadyUsed.consume("password-reset", at(30)).ok).toBe(true);
        const expired = aToken("password-reset", { userId, now: at(-15 * 60) });
        const verification = aToken("email-verification", { userId });
        const someoneElses = aToken("password-reset", { userId: Uuid.generate() });
        for (const token of [first, second, alreadyUsed, expired, verification, someoneElses]) {
          await h.oneTimeTokens.save(token);
        }

        expect(
          await h.unitOfWork.transaction(() => h.oneTimeTokens.invalidateAll(userId, "password-reset", at(120))),
        ).toBe(2);
        const usedAt = async (token: { tokenHash: string }) =>
          (await h.oneTimeTokens.findByHash(token.tokenHash))?.usedAt?.toISOString() ?? null;
        expect(await usedAt(first)).toBe(at(120).toISOString());
        expect(await usedAt(second)).toBe(at(120).toISOString());
        expect(await usedAt(alreadyUsed)).toBe(at(30).toISOString());
        expect(await usedAt(expired)).toBeNull();
        expect(await usedAt(verification)).toBeNull();
        expect(await usedAt(someoneElses)).toBeNull();
        const spent = defined(await h.oneTimeTokens.findByHash(second.tokenHash));
        expect(spent.check("password-reset", at(121))).toMatchObject({ ok: false, error: { code: "invalid-token" } });
        expect(await h.oneTimeTokens.invalidateAll(userId, "password-reset", at(121))).toBe(0);
      });

      it("keeps an invitation's grant", async () => {
        const invitation = { organizationId: Uuid.generate(), role: "admin" as const, invitedBy: Uuid.generate() };
        const token = aToken("invitation", { invitation });
        await h.oneTimeTokens.save(token);
        const found = await h.oneTimeTokens.findByHash(token.tokenHash);
        expect(found?.invitation).toEqual(invitation);
        expect(found?.userId).toBeNull();
      });
    });

    describe("unit of work", () => {
      it("rolls every write back when the work throws, and keeps them when it returns", async () => {
        const user = aUser();
        const organization = anOrganization();
        await expect(
          h.unitOfWork.transaction(async () => {
            await h.users.save(user);
            await h.organizations.save(organization);
            await h.memberships.save(aMembership(organization.id, user.id, "owner"));
            throw new Error("use case failed");
          }),
        ).rejects.toThrow("use case failed");
        expect(await h.users.findById(user.id)).toBeNull();
        expect(await h.organizations.findById(organization.id)).toBeNull();
        expect(await h.memberships.find(organization.id, user.id)).toBeNull();

        await h.unitOfWork.transaction(() => h.users.save(user));
        expect((await h.users.findById(user.id))?.email).toBe(user.email);
      });
    });
  });
}
