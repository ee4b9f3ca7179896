import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LocalDate } from "./local-date.value-object";

const epochDays = fc.integer({ min: -200_000, max: 200_000 });

describe("LocalDate", () => {
  it("round-trips through its ISO text for every day of ±500 years", () => {
    fc.assert(
      fc.property(epochDays, (n) => {
        const date = LocalDate.fromEpochDay(n);
        const parsed = LocalDate.parse(date.toString());
        return parsed.ok && parsed.value.epochDay === n;
      }),
    );
  });

  it("agrees with the UTC calendar of Date", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (n) => {
        const date = LocalDate.fromEpochDay(n);
        return date.toString() === new Date(n * 86_400_000).toISOString().slice(0, 10);
      }),
    );
  });

  it("counts ISO weekdays from Monday = 1", () => {
    expect(LocalDate.of(2026, 11, 30).isoWeekday).toBe(1); // a Monday
    expect(LocalDate.of(2026, 12, 6).isoWeekday).toBe(7);
    fc.assert(
      fc.property(
        epochDays,
        (n) => LocalDate.fromEpochDay(n).isoWeekday === ((new Date(n * 86_400_000).getUTCDay() + 6) % 7) + 1,
      ),
    );
  });

  it.each(["2026-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "20260101", "", "2026-04-31"])(
    "rejects %s",
    (text) => {
      const result = LocalDate.parse(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe("invalid-date");
    },
  );

  it("accepts 29 February of a leap year", () => {
    expect(LocalDate.parse("2024-02-29").ok).toBe(true);
  });

  it("clamps month arithmetic to the last day of the month", () => {
    expect(LocalDate.of(2026, 1, 31).plusMonths(1).toString()).toBe("2026-02-28");
    expect(LocalDate.of(2026, 12, 15).plusMonths(1).toString()).toBe("2027-01-15");
    expect(LocalDate.of(2026, 1, 15).plusMonths(-1).toString()).toBe("2025-12-15");
  });

  it("places an instant on the organization's calendar day", () => {
    const instant = new Date("2026-03-01T02:30:00Z");
    expect(LocalDate.ofInstant(instant, "UTC").toString()).toBe("2026-03-01");
    expect(LocalDate.ofInstant(instant, "America/New_York").toString()).toBe("2026-02-28");
    expect(LocalDate.ofInstant(new Date("2026-03-01T23:30:00Z"), "Asia/Tokyo").toString()).toBe("2026-03-02");
  });

  it("keeps the local day across a daylight-saving change", () => {
    // Europe/Lisbon moves from UTC+0 to UTC+1 at 01:00 UTC on 2026-03-29.
    expect(LocalDate.ofInstant(new Date("2026-03-29T22:59:59Z"), "Europe/Lisbon").toString()).toBe("2026-03-29");
    expect(LocalDate.ofInstant(new Date("2026-03-29T23:00:00Z"), "Europe/Lisbon").toString()).toBe("2026-03-30");
  });
});
