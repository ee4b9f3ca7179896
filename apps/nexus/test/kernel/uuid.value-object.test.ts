import { describe, expect, it } from "vitest";
import { Uuid } from "@/shared/domain/uuid.value-object";

describe("Uuid (v7)", () => {
  it("generates RFC 9562 version 7 ids with the variant bits set", () => {
    const id = Uuid.generate();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Uuid.isValid(id)).toBe(true);
  });

  it("encodes the generation time in the first 48 bits", () => {
    // Ahead of every other id in this file: the generator never moves backwards in time.
    const at = Date.now() + 3_600_000;
    expect(Uuid.timestampOf(Uuid.generate(at))).toBe(at);
  });

  it("sorts in creation order within one millisecond", () => {
    const now = Date.now() + 60_000;
    const ids = Array.from({ length: 2_000 }, () => Uuid.generate(now));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it("never goes backwards when the clock does", () => {
    const first = Uuid.generate(Date.now() + 120_000);
    const second = Uuid.generate(Date.now());
    expect(second > first).toBe(true);
  });

  it("parses valid ids case-insensitively and normalises to lower case", () => {
    const id = Uuid.generate();
    const parsed = Uuid.parse(id.toUpperCase());
    expect(parsed).toEqual({ ok: true, value: id });
  });

  it.each([
    ["empty", ""],
    ["not hex", "zzzzzzzz-zzzz-7zzz-8zzz-zzzzzzzzzzzz"],
    ["version 4", "3b241101-e2bb-4255-8caf-4136c566a962"],
    ["bad variant", "01890a5d-ac96-774b-7cbc-7e4c1b7e5e8a"],
    ["too short", "01890a5d-ac96-774b-bcbc-7e4c1b7e5e8"],
    ["trailing garbage", "01890a5d-ac96-774b-bcbc-7e4c1b7e5e8a'; drop table"],
  ])("rejects a malformed id (%s)", (_, value) => {
    const parsed = Uuid.parse(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.code).toBe("invalid-uuid");
  });
});
