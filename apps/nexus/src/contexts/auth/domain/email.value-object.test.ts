import { describe, expect, it } from "vitest";
import { Email } from "./email.value-object";

describe("Email", () => {
  it("normalises case and surrounding whitespace", () => {
    expect(Email.parse("  Ana.Silva+bakery@Example.COM ")).toEqual({ ok: true, value: "ana.silva+bakery@example.com" });
  });

  it.each([
    ["no at sign", "ana.example.com"],
    ["empty name", "@example.com"],
    ["empty domain", "ana@"],
    ["no dot in the domain", "ana@localhost"],
    ["space inside", "ana silva@example.com"],
    ["double dot", "ana..silva@example.com"],
    ["numeric top-level domain", "ana@example.123"],
    ["label starting with a hyphen", "ana@-example.com"],
    ["name part over 64 characters", `${"a".repeat(65)}@example.com`],
    ["over 254 characters", `ana@${"a".repeat(250)}.com`],
  ])("rejects %s", (_, value) => {
    const result = Email.parse(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("invalid-email");
  });
});
