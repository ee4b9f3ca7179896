import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CalendarDate } from "../../domain/calendar-date.value-object";
import { dayIn, isKnownZone, startOfDayIn } from "./zoned-day";

const day = (text: string) => text as CalendarDate;

describe("days in an IANA time zone", () => {
  // NZDT is UTC+13: 2026-12-02T11:00:00Z is the first instant of 3 December in Auckland.
  const AUCKLAND_MIDNIGHT = Date.UTC(2026, 11, 2, 11);

  it("turns the day in Auckland at 11:00 UTC, while UTC still has the same day", () => {
    expect(dayIn("Pacific/Auckland", AUCKLAND_MIDNIGHT - 1)).toBe("2026-12-02");
    expect(dayIn("Pacific/Auckland", AUCKLAND_MIDNIGHT)).toBe("2026-12-03");
    expect(dayIn("UTC", AUCKLAND_MIDNIGHT)).toBe("2026-12-02");
    expect(startOfDayIn("Pacific/Auckland", day("2026-12-03"))).toBe(AUCKLAND_MIDNIGHT);
    expect(startOfDayIn("UTC", day("2026-12-03"))).toBe(Date.UTC(2026, 11, 3));
  });

  it("starts the day when local midnight is skipped (Santiago springs from 24:00 to 01:00)", () => {
    // 6 September 2026 in Chile: clocks jump from 00:00 (UTC-4) to 01:00 (UTC-3), i.e. at 04:00Z.
    expect(startOfDayIn("America/Santiago", day("2026-09-06"))).toBe(Date.UTC(2026, 8, 6, 4));
    expect(dayIn("America/Santiago", Date.UTC(2026, 8, 6, 4) - 1)).toBe("2026-09-05");
  });

  it("for any instant and zone, the day's start is at or before it and the instant before is the day before", () => {
    const zones = [
      "UTC",
      "Pacific/Auckland",
      "Pacific/Kiritimati",
      "Pacific/Pago_Pago",
      "Europe/Lisbon",
      "Asia/Kolkata",
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) }),
        fc.constantFrom(...zones),
        (instant, zone) => {
          const today = dayIn(zone, instant);
          const start = startOfDayIn(zone, today);
          expect(start).toBeLessThanOrEqual(instant);
          expect(dayIn(zone, start)).toBe(today);
          expect(dayIn(zone, start - 1) < today).toBe(true);
        },
      ),
    );
  });

  it("knows real zones and refuses made-up ones", () => {
    expect(isKnownZone("Pacific/Auckland")).toBe(true);
    expect(isKnownZone("Mars/Olympus_Mons")).toBe(false);
  });
});
