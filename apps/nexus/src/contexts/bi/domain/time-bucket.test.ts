import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LocalDate } from "./local-date.value-object";
import { bucketStart, bucketStarts, GRANULARITIES, zeroFilledSeries } from "./time-bucket";

const day = (text: string) => {
  const parsed = LocalDate.parse(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
};
const anyDay = fc.integer({ min: 0, max: 40_000 }).map(LocalDate.fromEpochDay);
const granularity = fc.constantFrom(...GRANULARITIES);

describe("time buckets", () => {
  it("starts weeks on the ISO Monday and months on the 1st", () => {
    expect(bucketStart(day("2026-12-02"), "week").toString()).toBe("2026-11-30");
    expect(bucketStart(day("2026-11-29"), "week").toString()).toBe("2026-11-23"); // a Sunday
    expect(bucketStart(day("2026-12-31"), "month").toString()).toBe("2026-12-01");
    expect(bucketStart(day("2027-01-01"), "week").toString()).toBe("2026-12-28"); // ISO week 53 of 2026
  });

  it("names every bucket overlapping the range, in order, without gaps", () => {
    expect(bucketStarts(day("2026-01-30"), day("2026-04-02"), "month").map(String)).toEqual([
      "2026-01-01",
      "2026-02-01",
      "2026-03-01",
      "2026-04-01",
    ]);
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 400 }), granularity, (from, length, g) => {
        const to = from.plusDays(length);
        const starts = bucketStarts(from, to, g);
        const first = starts[0];
        const last = starts.at(-1);
        if (!first || !last) return false;
        // first holds `from`, last holds `to`, and each bucket starts where the previous one ended
        return (
          first.equals(bucketStart(from, g)) &&
          last.equals(bucketStart(to, g)) &&
          starts.every((s, i) => i === 0 || bucketStart(s.plusDays(-1), g).equals(starts[i - 1] as LocalDate))
        );
      }),
    );
  });

  it("zero-fills and keeps every in-range day's value exactly once", () => {
    fc.assert(
      fc.property(
        anyDay,
        fc.integer({ min: 0, max: 120 }),
        granularity,
        fc.array(fc.tuple(fc.integer({ min: -10, max: 130 }), fc.bigInt({ min: -1000n, max: 1000n }))),
        (from, length, g, points) => {
          const to = from.plusDays(length);
          const days = points.map(([offset, value]) => ({ day: from.plusDays(offset), value }));
          const series = zeroFilledSeries(days, { from, to, granularity: g }, 0n, (a, b) => a + b);
          const inRange = days.filter((d) => d.day.compare(from) >= 0 && d.day.compare(to) <= 0);
          const total = series.reduce((sum, p) => sum + p.value, 0n);
          return (
            series.length === bucketStarts(from, to, g).length &&
            total === inRange.reduce((sum, d) => sum + d.value, 0n)
          );
        },
      ),
    );
  });

  it("puts a day into the bucket that starts on or before it", () => {
    const series = zeroFilledSeries(
      [
        { day: day("2026-03-02"), value: 5n },
        { day: day("2026-03-08"), value: 1n },
        { day: day("2026-03-09"), value: 2n },
      ],
      { from: day("2026-03-01"), to: day("2026-03-16"), granularity: "week" },
      0n,
      (a, b) => a + b,
    );
    expect(series.map((p) => [p.bucket.toString(), p.value])).toEqual([
      ["2026-02-23", 0n],
      ["2026-03-02", 6n],
      ["2026-03-09", 2n],
      ["2026-03-16", 0n],
    ]);
  });
});
