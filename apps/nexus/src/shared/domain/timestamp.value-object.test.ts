import { describe, expect, it } from "vitest";
import { Timestamp } from "./timestamp.value-object";

describe("Timestamp", () => {
  it("parses RFC 3339 with an offset and renders UTC", () => {
    const parsed = Timestamp.parse("2026-11-21T10:15:30.250+02:00");
    expect(parsed.ok && parsed.value.toISOString()).toBe("2026-11-21T08:15:30.250Z");
  });

  it.each(["2026-11-21", "2026-11-21T10:15:30", "yesterday", "2026-13-40T99:00:00Z", ""])(
    "rejects %j (no date-time with offset)",
    (value) => {
      const parsed = Timestamp.parse(value);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error.code).toBe("invalid-timestamp");
    },
  );

  it("compares and shifts instants", () => {
    const a = Timestamp.fromMillis(1_000);
    const b = a.plusMillis(500);
    expect(a.isBefore(b)).toBe(true);
    expect(b.isAfter(a)).toBe(true);
    expect(b.equals(Timestamp.fromMillis(1_500))).toBe(true);
  });

  it("serialises to JSON as an ISO string", () => {
    expect(JSON.stringify({ at: Timestamp.fromMillis(0) })).toBe('{"at":"1970-01-01T00:00:00.000Z"}');
  });

  it("refuses a non-finite instant", () => {
    expect(() => Timestamp.fromMillis(Number.NaN)).toThrow(RangeError);
  });
});
