import { describe, expect, it } from "vitest";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { INVALID_CREDENTIALS } from "../auth.errors";
import { createAuthTestKit, TEST_META, TEST_PASSWORD } from "../testing/auth-test-kit";
import { LoginUseCase } from "./login.use-case";

const EMAIL = "ana@example.com";

async function setup() {
  const kit = createAuthTestKit();
  const userId = await kit.registerUser(EMAIL);
  const login = (password: string, email = EMAIL, organizationId?: Uuid) =>
    new LoginUseCase(kit.deps).execute({ email, password, organizationId, origin: TEST_META });
  return { kit, userId, login };
}

describe("LoginUseCase", () => {
  it("signs in: token pair, user, organizations, an audited session", async () => {
    const { kit, userId, login } = await setup();
    const result = await login(TEST_PASSWORD, "  ANA@example.com ");
    if (!result.ok) throw new Error(result.error.code);

    expect(result.value).toMatchObject({
      tokenType: "Bearer",
      expiresIn: 900,
      organizationId: null,
      organizations: [],
    });
    expect(result.value.user).toMatchObject({ id: userId, email: EMAIL, emailVerified: true });
    const claims = kit.accessTokens.claimsOf(result.value.accessToken);
    const session = kit.store.tables.sessions.get(claims.sessionId);
    expect(session).toMatchObject({ userId, ip: TEST_META.ip, userAgent: TEST_META.userAgent, generation: 1 });
    expect(session?.refreshTokenHash).toBe(kit.secureTokens.hash(result.value.refreshToken));
    expect(kit.audit.entries.at(-1)).toMatchObject({
      action: "auth.login.succeeded",
      outcome: "success",
      actorId: userId,
    });
  });

  it("answers the SAME error object for an unknown email, a wrong password and a locked account", async () => {
    const { kit, login } = await setup();
    const unknown = await login(TEST_PASSWORD, "nobody@example.com");
    const wrong = await login("not the password");
    for (let i = 0; i < 4; i += 1) await login("not the password");
    const locked = await login(TEST_PASSWORD); // right password, but locked after 5 failures

    for (const result of [unknown, wrong, locked]) expect(result).toEqual({ ok: false, error: INVALID_CREDENTIALS });
    if (!unknown.ok && !wrong.ok && !locked.ok) {
      expect(unknown.error).toBe(wrong.error);
      expect(wrong.error).toBe(locked.error);
    }
    const reasons = kit.audit.independentEntries().map((e) => e.metadata?.reason);
    expect(reasons).toEqual(["unknown-email", ...Array(5).fill("wrong-password"), "locked"]);
  });

  it("spends one password verification on every failure path (dummy when there is no hash)", async () => {
    const { kit, login } = await setup();
    const count = () => kit.passwordHasher.verifications + kit.passwordHasher.dummyVerifications;
    const before = count();
    await login(TEST_PASSWORD, "nobody@example.com");
    expect(count() - before).toBe(1);
    await login("wrong password!!");
    expect(count() - before).toBe(2);
    await login(TEST_PASSWORD, "not-an-email");
    expect(count() - before).toBe(3);
  });

  it("lockout expires; a success resets the counter", async () => {
    const { kit, login } = await setup();
    for (let i = 0; i < 5; i += 1) await login("not the password");
    expect(await login(TEST_PASSWORD)).toEqual({ ok: false, error: INVALID_CREDENTIALS });
    kit.clock.advanceSeconds(2);
    expect((await login(TEST_PASSWORD)).ok).toBe(true);
    expect(kit.loginThrottle.failures.has(EMAIL)).toBe(false);
  });

  it("reveals an unverified email only after the correct password", async () => {
    const { kit } = await setup();
    await kit.registerUser("pending@example.com", { verified: false });
    const login = new LoginUseCase(kit.deps);
    const wrong = await login.execute({ email: "pending@example.com", password: "wrong password!!" });
    const right = await login.execute({ email: "pending@example.com", password: TEST_PASSWORD });
    expect(wrong).toEqual({ ok: false, error: INVALID_CREDENTIALS });
    expect(right).toMatchObject({ ok: false, error: { code: "email-not-verified" } });
    expect(kit.store.tables.sessions.size).toBe(0);
  });

  it("audits failures with their own commit, outside any unit of work, without secrets", async () => {
    const { kit, login } = await setup();
    await login("wrong password!!");
    const [failure] = kit.audit.independentEntries();
    expect(failure).toMatchObject({
      action: "auth.login.failed",
      outcome: "failure",
      actorId: null,
      organizationId: null,
    });
    expect(JSON.stringify(failure)).not.toContain("wrong password!!");
  });

  it("rehashes the password when the hasher's parameters rose", async () => {
    const { kit, userId, login } = await setup();
    kit.passwordHasher.version = 3;
    expect((await login(TEST_PASSWORD)).ok).toBe(true);
    expect(kit.store.tables.users.get(userId)?.passwordHash).toMatch(/^fake-argon2:v3:/);
    expect((await login(TEST_PASSWORD)).ok).toBe(true);
  });

  it("acts in the requested organization, else in the oldest membership", async () => {
    const { kit, login } = await setup();
    const first = await kit.login(EMAIL);
    const older = await kit.createOrganization(kit.actorOf(first), "Older");
    kit.clock.advanceSeconds(1);
    const newer = await kit.createOrganization(kit.actorOf(first), "Newer");

    const byDefault = await login(TEST_PASSWORD);
    const chosen = await login(TEST_PASSWORD, EMAIL, newer.id);
    if (!byDefault.ok || !chosen.ok) throw new Error("login failed");
    expect(kit.actorOf(byDefault.value)).toMatchObject({ organizationId: older.id, role: "owner" });
    expect(kit.actorOf(chosen.value)).toMatchObject({ organizationId: newer.id, role: "owner" });
    expect(chosen.value.organizations.map((o) => o.name)).toEqual(["Older", "Newer"]);
  });

  it("refuses an organization the user is not a member of as not-found", async () => {
    const { kit, login } = await setup();
    const other = await kit.ownerWithOrganization("boss@example.com");
    const result = await login(TEST_PASSWORD, EMAIL, other.organization.id);
    expect(result).toMatchObject({ ok: false, error: { code: "not-found" } });
  });

  it("reads the requested membership in its transaction: a removal committed just before it wins", async () => {
    const { kit, userId, login } = await setup();
    const first = await kit.login(EMAIL);
    const organization = await kit.createOrganization(kit.actorOf(first));
    const sessionsBefore = kit.store.tables.sessions.size;
    const transaction = kit.unitOfWork.transaction.bind(kit.unitOfWork);
    // The member is removed after the password check, just before the login's transaction begins.
    kit.unitOfWork.transaction = async (work) => {
      await kit.deps.memberships.delete(organization.id, userId);
      return transaction(work);
    };

    expect(await login(TEST_PASSWORD, EMAIL, organization.id)).toMatchObject({
      ok: false,
      error: { code: "not-found" },
    });
    expect(kit.store.tables.sessions.size).toBe(sessionsBefore);
    expect(kit.audit.independentEntries().at(-1)?.metadata).toEqual({ reason: "not-a-member" });
  });

  it("without an organization, skips a default membership removed just before its transaction", async () => {
    const { kit, userId, login } = await setup();
    const first = await kit.login(EMAIL);
    const older = await kit.createOrganization(kit.actorOf(first), "Older");
    kit.clock.advanceSeconds(1);
    const newer = await kit.createOrganization(kit.actorOf(first), "Newer");
    const transaction = kit.unitOfWork.transaction.bind(kit.unitOfWork);
    kit.unitOfWork.transaction = async (work) => {
      await kit.deps.memberships.delete(older.id, userId);
      return transaction(work);
    };

    const result = await login(TEST_PASSWORD);
    if (!result.ok) throw new Error("login failed");
    expect(kit.actorOf(result.value)).toMatchObject({ organizationId: newer.id, role: "owner" });
  });

  it("starts no session and writes no rehash when a reset committed while the password was verified", async () => {
    const { kit, userId, login } = await setup();
    kit.passwordHasher.version = 3; // a rehash is due: it must not write the old password back
    const resetHash = await kit.passwordHasher.hash("a password set by a concurrent reset");
    const verify = kit.passwordHasher.verify.bind(kit.passwordHasher);
    kit.passwordHasher.verify = async (hash, plain) => {
      const matches = await verify(hash, plain);
      const user = await kit.deps.users.findById(userId);
      user?.replacePasswordHash(resetHash, kit.clock.now()); // argon2 runs outside the transaction
      if (user) await kit.deps.users.save(user);
      return matches;
    };

    expect(await login(TEST_PASSWORD)).toEqual({ ok: false, error: INVALID_CREDENTIALS });
    expect(kit.store.tables.users.get(userId)?.passwordHash).toBe(resetHash);
    expect([...kit.store.tables.sessions.values()].filter((s) => s.userId === userId)).toEqual([]);
    expect(kit.audit.independentEntries().at(-1)?.metadata).toEqual({ reason: "password-changed-meanwhile" });
  });
});
