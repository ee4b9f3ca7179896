import { describe, expect, it } from "vitest";
import { createAuthTestKit, TEST_PASSWORD } from "../testing/auth-test-kit";
import { RegisterUserUseCase } from "./register-user.use-case";
import { ResendVerificationUseCase } from "./resend-verification.use-case";
import { VerifyEmailUseCase } from "./verify-email.use-case";

const input = { email: "Ana@Example.com", password: TEST_PASSWORD, name: "Ana Silva" };

describe("RegisterUserUseCase", () => {
  it("creates an unverified user and mails a verification token stored only as a hash", async () => {
    const kit = createAuthTestKit();
    expect(await new RegisterUserUseCase(kit.deps).execute(input)).toEqual({ ok: true, value: undefined });

    const [user] = [...kit.store.tables.users.values()];
    expect(user).toMatchObject({ email: "ana@example.com", name: "Ana Silva", emailVerifiedAt: null });
    const token = kit.mailer.lastToken("verification", "ana@example.com");
    expect(kit.store.tables.oneTimeTokens.has(token)).toBe(false);
    expect(kit.store.tables.oneTimeTokens.has(kit.secureTokens.hash(token))).toBe(true);
    expect(kit.audit.actions()).toEqual(["auth.user.registered"]);
  });

  it("answers the same for a taken email, mails a notice and creates nothing", async () => {
    const kit = createAuthTestKit();
    const register = new RegisterUserUseCase(kit.deps);
    const first = await register.execute(input);
    const second = await register.execute({ ...input, email: "ana@example.com", name: "Impostor" });

    expect(second).toEqual(first);
    expect(kit.store.tables.users.size).toBe(1);
    expect(kit.mailer.sent.map((m) => m.kind)).toEqual(["verification", "account-exists"]);
    expect(kit.mailer.sent[1]).toMatchObject({ to: "ana@example.com", name: "Ana Silva" });
    // Hashed both times: the taken-email path does not answer faster.
    expect(kit.passwordHasher.hashes).toBe(2);
  });

  it("rejects a weak password", async () => {
    const kit = createAuthTestKit();
    const result = await new RegisterUserUseCase(kit.deps).execute({ ...input, password: "password1234" });
    expect(result).toMatchObject({ ok: false, error: { code: "weak-password" } });
    expect(kit.store.tables.users.size).toBe(0);
  });

  it("reports every invalid field with a pointer", async () => {
    const kit = createAuthTestKit();
    const result = await new RegisterUserUseCase(kit.deps).execute({ ...input, email: "nope", name: " " });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "validation-failed", errors: [{ pointer: "/email" }, { pointer: "/name" }] },
    });
  });
});

describe("VerifyEmailUseCase", () => {
  it("verifies once; the token cannot be used again", async () => {
    const kit = createAuthTestKit();
    const userId = await kit.registerUser("ana@example.com", { verified: false });
    const verify = new VerifyEmailUseCase(kit.deps);
    const token = kit.mailer.lastToken("verification", "ana@example.com");

    expect((await verify.execute({ token })).ok).toBe(true);
    expect(kit.store.tables.users.get(userId)?.emailVerifiedAt).not.toBeNull();
    expect(await verify.execute({ token })).toMatchObject({
      ok: false,
      error: { code: "invalid-token" },
    });
    expect(kit.audit.actions()).toContain("auth.email.verified");
  });

  it("expires after 24 hours", async () => {
    const kit = createAuthTestKit();
    await kit.registerUser("ana@example.com", { verified: false });
    kit.clock.advanceSeconds(24 * 3600);
    const token = kit.mailer.lastToken("verification", "ana@example.com");
    expect(await new VerifyEmailUseCase(kit.deps).execute({ token })).toMatchObject({
      ok: false,
      error: { code: "token-expired" },
    });
  });

  it("rejects an unknown token", async () => {
    const kit = createAuthTestKit();
    expect(await new VerifyEmailUseCase(kit.deps).execute({ token: "made-up" })).toMatchObject({
      ok: false,
      error: { code: "invalid-token" },
    });
  });
});

describe("ResendVerificationUseCase", () => {
  it("always answers ok, but mails only an existing unverified account", async () => {
    const kit = createAuthTestKit();
    await kit.registerUser("verified@example.com");
    await kit.registerUser("pending@example.com", { verified: false });
    const resend = new ResendVerificationUseCase(kit.deps);
    const before = kit.mailer.sent.length;

    for (const email of ["verified@example.com", "nobody@example.com", "not an email", "pending@example.com"]) {
      expect(await resend.execute({ email })).toEqual({ ok: true, value: undefined });
    }
    expect(kit.mailer.sent.slice(before)).toEqual([
      expect.objectContaining({ kind: "verification", to: "pending@example.com" }),
    ]);
    // The verified account and the unknown address each queued a stand-in verification mail.
    expect(kit.mailer.nothingSent).toEqual(["verification", "verification"]);
  });
});
