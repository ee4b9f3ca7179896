import { describe, expect, it } from "vitest";
import { ZxcvbnPasswordStrength } from "@/contexts/auth/infrastructure/security/zxcvbn.password-strength";

describe("ZxcvbnPasswordStrength", () => {
  const estimator = new ZxcvbnPasswordStrength();

  it("scores long but guessable passwords below 3", () => {
    for (const password of [" ".repeat(12), "aaaaaaaaaaaa", "123412341234", "qwertyuiop12"]) {
      expect(estimator.score(password, []), JSON.stringify(password)).toBeLessThan(3);
    }
  });

  it("scores a passphrase of unrelated words 3 or more", () => {
    expect(estimator.score("violet kettle under 7 bridges", [])).toBeGreaterThanOrEqual(3);
    expect(estimator.score("Sourdough-starter-at-4am", [])).toBeGreaterThanOrEqual(3);
  });

  it("scores a password made of the account's own details low", () => {
    const inputs = ["ana.lima@example.com", "Ana Lima"];
    expect(estimator.score("ana.lima@example.com", inputs)).toBeLessThan(3);
  });

  it("scores only the first 32 characters, so a long input costs what a 32-character one does", () => {
    expect(estimator.score(`${"a".repeat(32)}${"violet kettle under 7 bridges"}`, [])).toBeLessThan(3);
    expect(estimator.score(`violet kettle under 7 bridges, ${"a".repeat(96)}`, [])).toBeGreaterThanOrEqual(3);
  });
});
