import { describe, expect, it } from "vitest";
import { Password, type PasswordGuessability } from "./password.value-object";

const notCommon: PasswordGuessability = { isCommon: () => false, strength: () => 4 };

describe("Password policy", () => {
  it("accepts 12 to 128 characters that are not common", () => {
    expect(Password.create("a".repeat(12), notCommon).ok).toBe(true);
    expect(Password.create("a".repeat(128), notCommon).ok).toBe(true);
  });

  it("rejects fewer than 12 characters", () => {
    expect(Password.create("a".repeat(11), notCommon)).toMatchObject({ ok: false, error: { code: "weak-password" } });
  });

  it("rejects more than 128 characters", () => {
    expect(Password.create("a".repeat(129), notCommon)).toMatchObject({ ok: false, error: { code: "weak-password" } });
  });

  it("rejects a password on the common list", () => {
    const result = Password.create("password1234", { ...notCommon, isCommon: (p) => p === "password1234" });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "weak-password", message: expect.stringMatching(/common/) },
    });
  });

  it("rejects a long enough password the estimator scores below 3", () => {
    const scored = (score: number): PasswordGuessability => ({ isCommon: () => false, strength: () => score });
    expect(Password.create(" ".repeat(12), scored(2))).toMatchObject({
      ok: false,
      error: { code: "weak-password", message: expect.stringMatching(/guess/) },
    });
    expect(Password.create(" ".repeat(12), scored(3)).ok).toBe(true);
  });

  it("counts characters, not UTF-16 units", () => {
    expect(Password.create("🥐".repeat(11), notCommon).ok).toBe(false);
    expect(Password.create("🥐".repeat(12), notCommon).ok).toBe(true);
  });

  it("never serialises the plain text", () => {
    const password = Password.create("a sufficiently long secret", notCommon);
    if (!password.ok) throw new Error("expected a valid password");
    expect(JSON.stringify({ password: password.value })).not.toContain("secret");
    expect(String(password.value)).toBe("[redacted]");
  });
});
