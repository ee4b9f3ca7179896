import * as argon2 from "@node-rs/argon2";
import { describe, expect, it, vi } from "vitest";
import { ARGON2_MINIMUM, Argon2PasswordHasher } from "@/contexts/auth/infrastructure/security/argon2.password-hasher";

// Wraps (does not replace) the real verify, to see what verifyDummy hands it.
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...real, verify: vi.fn(real.verify) };
});

describe("Argon2PasswordHasher", () => {
  const hasher = new Argon2PasswordHasher(ARGON2_MINIMUM);

  it("hashes with argon2id and the configured parameters", async () => {
    const stored = await hasher.hash("correct horse battery staple");
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hasher.hash("correct horse battery staple");
    expect(await hasher.verify(stored, "correct horse battery staple")).toBe(true);
    expect(await hasher.verify(stored, "correct horse battery stapler")).toBe(false);
  });

  it("salts: the same password hashes differently each time", async () => {
    expect(await hasher.hash("same password here")).not.toBe(await hasher.hash("same password here"));
  });

  it("treats an unreadable stored hash as a mismatch rather than throwing", async () => {
    expect(await hasher.verify("not-a-phc-string", "whatever password")).toBe(false);
  });

  it("asks for a rehash when today's parameters are stronger than the stored hash's", async () => {
    const stored = await hasher.hash("a password of some length");
    expect(hasher.needsRehash(stored)).toBe(false);
    expect(new Argon2PasswordHasher({ ...ARGON2_MINIMUM, timeCost: 3 }).needsRehash(stored)).toBe(true);
    expect(new Argon2PasswordHasher({ ...ARGON2_MINIMUM, memoryCost: 32_768 }).needsRehash(stored)).toBe(true);
    expect(hasher.needsRehash("$2b$10$abcdefghijklmnopqrstuv")).toBe(true); // bcrypt or garbage
  });

  it("does not ask for a rehash of a hash stronger than today's parameters", async () => {
    const stronger = await new Argon2PasswordHasher({ ...ARGON2_MINIMUM, timeCost: 3 }).hash("some long password");
    expect(hasher.needsRehash(stronger)).toBe(false);
  });

  it("refuses parameters below the spec's floor", () => {
    expect(() => new Argon2PasswordHasher({ ...ARGON2_MINIMUM, memoryCost: 4096 })).toThrow(RangeError);
    expect(() => new Argon2PasswordHasher({ ...ARGON2_MINIMUM, timeCost: 1 })).toThrow(RangeError);
    expect(() => new Argon2PasswordHasher({ ...ARGON2_MINIMUM, parallelism: 4 })).toThrow(RangeError);
  });

  it("verifyDummy runs a real verify against a hash with today's parameters", async () => {
    const verify = vi.mocked(argon2.verify);
    verify.mockClear();
    await hasher.verifyDummy("someone's guess at a password");
    expect(verify).toHaveBeenCalledTimes(1);
    const [dummy, plain] = verify.mock.calls[0] ?? [];
    expect(plain).toBe("someone's guess at a password");
    expect(argon2.parseOptions(dummy as string)).toMatchObject({ algorithm: 2, ...ARGON2_MINIMUM });
    expect(await verify.mock.results[0]?.value).toBe(false);
  });
});
