import { describe, expect, it } from "vitest";
import { Timestamp } from "@/shared/domain/timestamp.value-object";

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

  it.each([
    "2025-02-29T00:00:00Z",
    "2024-02-30T00:00:00Z",
    "2024-04-31T12:00:00Z",
    "2024-00-10T00:00:00Z",
    "2024-01-00T00:00:00Z",
    "2024-01-01T24:00:00Z",
    "2024-01-01T10:60:00Z",
    "2024-01-01T10:00:00+24:00",
    "2024-01-01T10:00:00+01:60",
    "0000-01-01T00:00:00Z", // PostgreSQL has no year 0
  ])("rejects %j (a field out of range, which Date.parse would roll over)", (value) => {
    expect(Timestamp.parse(value).ok).toBe(false);
  });

  it("accepts the last day of each month, leap days included", () => {
    for (const value of ["2024-02-29T23:59:59Z", "2000-02-29T00:00:00Z", "2025-12-31T23:59:59.999-12:00"]) {
      expect(Timestamp.parse(value).ok).toBe(true);
    }
    expect(Timestamp.parse("1900-02-29T00:00:00Z").ok).toBe(false);
    expect(Timestamp.parse("0001-01-01T00:00:00Z").ok).toBe(true);
  });

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
