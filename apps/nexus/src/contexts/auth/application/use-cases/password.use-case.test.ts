import { describe, expect, it } from "vitest";
import { INVALID_CREDENTIALS } from "../auth.errors";
import { createAuthTestKit, TEST_PASSWORD } from "../testing/auth-test-kit";
import { ChangePasswordUseCase } from "./change-password.use-case";
import { ForgotPasswordUseCase } from "./forgot-password.use-case";
import { LoginUseCase } from "./login.use-case";
import { ResetPasswordUseCase } from "./reset-password.use-case";

const EMAIL = "ana@example.com";
const NEW_PASSWORD = "a brand new passphrase";

async function twoSessions() {
  const kit = createAuthTestKit();
  const userId = await kit.registerUser(EMAIL);
  const current = await kit.login(EMAIL);
  const other = await kit.login(EMAIL);
  const loginWith = (password: string) => new LoginUseCase(kit.deps).execute({ email: EMAIL, password });
  return { kit, userId, current, other, loginWith };
}

describe("ChangePasswordUseCase", () => {
  it("changes the password and ends every OTHER session", async () => {
    const { kit, current, other, loginWith } = await twoSessions();
    const result = await new ChangePasswordUseCase(kit.deps).execute({
      actor: kit.actorOf(current),
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(result.ok).toBe(true);
    expect(kit.revocations.revoked).toEqual(new Set([kit.actorOf(other).sessionId]));
    expect(kit.store.tables.sessions.get(kit.actorOf(current).sessionId)?.revokedAt).toBeNull();
    expect((await loginWith(NEW_PASSWORD)).ok).toBe(true);
    expect(await loginWith(TEST_PASSWORD)).toEqual({ ok: false, error: INVALID_CREDENTIALS });
  });

  it("spends every outstanding reset token: a link mailed before the change no longer works", async () => {
    const { kit, current } = await twoSessions();
    await new ForgotPasswordUseCase(kit.deps).execute({ email: EMAIL });
    const token = kit.mailer.lastToken("password-reset", EMAIL);
    const changed = await new ChangePasswordUseCase(kit.deps).execute({
      actor: kit.actorOf(current),
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.ok).toBe(true);
    expect(kit.audit.actions()).toContain("auth.password.changed");
    expect(
      await new ResetPasswordUseCase(kit.deps).execute({
        token,
        newPassword: "an attacker's passphrase",
      }),
    ).toMatchObject({ ok: false, error: { code: "invalid-token" } });
  });

  it("does not overwrite a password reset that committed while the current password was verified", async () => {
    const { kit, userId, current } = await twoSessions();
    const resetHash = await kit.passwordHasher.hash("a password set by a concurrent reset");
    const verify = kit.passwordHasher.verify.bind(kit.passwordHasher);
    kit.passwordHasher.verify = async (hash, plain) => {
      const matches = await verify(hash, plain);
      const user = await kit.deps.users.findById(userId);
      user?.replacePasswordHash(resetHash, kit.clock.now());
      if (user) await kit.deps.users.save(user);
      return matches;
    };
    const result = await new ChangePasswordUseCase(kit.deps).execute({
      actor: kit.actorOf(current),
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(result).toEqual({ ok: false, error: INVALID_CREDENTIALS });
    expect(kit.store.tables.users.get(userId)?.passwordHash).toBe(resetHash);
    expect(kit.audit.independentEntries().at(-1)).toMatchObject({
      action: "auth.password.changed",
      outcome: "failure",
      metadata: { reason: "password-changed-meanwhile" },
    });
  });

  it("refuses a wrong current password, counting it as a failed attempt", async () => {
    const { kit, current } = await twoSessions();
    const result = await new ChangePasswordUseCase(kit.deps).execute({
      actor: kit.actorOf(current),
      currentPassword: "not my password",
      newPassword: NEW_PASSWORD,
    });
    expect(result).toEqual({ ok: false, error: INVALID_CREDENTIALS });
    expect(kit.loginThrottle.failures.get(EMAIL)?.count).toBe(1);
    expect(kit.audit.independentEntries().at(-1)).toMatchObject({
      action: "auth.password.changed",
      outcome: "failure",
    });
    expect(kit.revocations.revoked.size).toBe(0);
  });

  it("refuses a weak new password", async () => {
    const { kit, current } = await twoSessions();
    const result = await new ChangePasswordUseCase(kit.deps).execute({
      actor: kit.actorOf(current),
      currentPassword: TEST_PASSWORD,
      newPassword: "short",
    });
    expect(result).toMatchObject({ ok: false, error: { code: "weak-password" } });
  });
});

describe("ForgotPasswordUseCase and ResetPasswordUseCase", () => {
  it("forgot always answers ok; only an existing account gets a mail", async () => {
    const { kit } = await twoSessions();
    const forgot = new ForgotPasswordUseCase(kit.deps);
    expect(await forgot.execute({ email: "nobody@example.com" })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await forgot.execute({ email: "garbage" })).toEqual({ ok: true, value: undefined });
    expect(await forgot.execute({ email: EMAIL })).toEqual({ ok: true, value: undefined });
    expect(kit.mailer.sent.filter((m) => m.kind === "password-reset").map((m) => m.to)).toEqual([EMAIL]);
    // The unknown address queued a stand-in of the same kind (the same work, mailing nobody).
    expect(kit.mailer.nothingSent).toEqual(["password-reset"]);
    expect(kit.audit.actions()).toContain("auth.password.reset_requested");
  });

  it("reset sets the password, ends ALL sessions, and the token works once", async () => {
    const { kit, current, other, loginWith } = await twoSessions();
    await new ForgotPasswordUseCase(kit.deps).execute({ email: EMAIL });
    const token = kit.mailer.lastToken("password-reset", EMAIL);
    const reset = new ResetPasswordUseCase(kit.deps);

    expect((await reset.execute({ token, newPassword: NEW_PASSWORD })).ok).toBe(true);
    expect(kit.revocations.revoked).toEqual(new Set([kit.actorOf(current).sessionId, kit.actorOf(other).sessionId]));
    expect((await loginWith(NEW_PASSWORD)).ok).toBe(true);
    expect(await reset.execute({ token, newPassword: "yet another passphrase" })).toMatchObject({
      ok: false,
      error: { code: "invalid-token" },
    });
  });

  it("a reset spends every other outstanding reset token of the user", async () => {
    const { kit, loginWith } = await twoSessions();
    const forgot = new ForgotPasswordUseCase(kit.deps);
    await forgot.execute({ email: EMAIL });
    const first = kit.mailer.lastToken("password-reset", EMAIL);
    await forgot.execute({ email: EMAIL });
    const second = kit.mailer.lastToken("password-reset", EMAIL);
    expect(second).not.toBe(first);
    const reset = new ResetPasswordUseCase(kit.deps);

    expect((await reset.execute({ token: first, newPassword: NEW_PASSWORD })).ok).toBe(true);
    expect(await reset.execute({ token: second, newPassword: "yet another passphrase" })).toMatchObject({
      ok: false,
      error: { code: "invalid-token" },
    });
    expect((await loginWith(NEW_PASSWORD)).ok).toBe(true);
    const audited = kit.audit.entries.find((e) => e.action === "auth.password.reset" && e.outcome === "success");
    expect(audited?.metadata).toEqual({ sessionsEnded: 2, resetLinksSpent: 1 });
  });

  it("a reset token expires after 15 minutes", async () => {
    const { kit } = await twoSessions();
    await new ForgotPasswordUseCase(kit.deps).execute({ email: EMAIL });
    kit.clock.advanceSeconds(15 * 60);
    const token = kit.mailer.lastToken("password-reset", EMAIL);
    expect(await new ResetPasswordUseCase(kit.deps).execute({ token, newPassword: NEW_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: "token-expired" },
    });
  });

  it("a garbage token costs no password hash", async () => {
    const { kit } = await twoSessions();
    const hashes = kit.passwordHasher.hashes;
    const result = await new ResetPasswordUseCase(kit.deps).execute({
      token: "x",
      newPassword: NEW_PASSWORD,
    });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid-token" } });
    expect(kit.passwordHasher.hashes).toBe(hashes);
  });

  it("a verification token cannot reset a password", async () => {
    const kit = createAuthTestKit();
    await kit.registerUser("new@example.com", { verified: false });
    const token = kit.mailer.lastToken("verification", "new@example.com");
    expect(await new ResetPasswordUseCase(kit.deps).execute({ token, newPassword: NEW_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: "invalid-token" },
    });
  });

  it("reset proves the address: it verifies the email and lifts a lockout", async () => {
    const kit = createAuthTestKit();
    const userId = await kit.registerUser("new@example.com", { verified: false });
    for (let i = 0; i < 5; i += 1) {
      await new LoginUseCase(kit.deps).execute({
        email: "new@example.com",
        password: "wrong guess!!",
      });
    }
    await new ForgotPasswordUseCase(kit.deps).execute({ email: "new@example.com" });
    const token = kit.mailer.lastToken("password-reset", "new@example.com");
    await new ResetPasswordUseCase(kit.deps).execute({ token, newPassword: NEW_PASSWORD });
    expect(kit.store.tables.users.get(userId)?.emailVerifiedAt).not.toBeNull();
    const login = await new LoginUseCase(kit.deps).execute({
      email: "new@example.com",
      password: NEW_PASSWORD,
    });
    expect(login.ok).toBe(true);
  });
});
