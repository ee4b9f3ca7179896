import type { LocalDate } from "./local-date.value-object";

export const GRANULARITIES = ["day", "week", "month"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** The first day of the bucket holding `date`: itself, its ISO week's Monday, or the 1st of its month. */
export function bucketStart(date: LocalDate, granularity: Granularity): LocalDate {
  switch (granularity) {
    case "day":
      return date;
    case "week":
      return date.plusDays(1 - date.isoWeekday);
    case "month":
      return date.plusDays(1 - date.day);
  }
}

function nextBucket(start: LocalDate, granularity: Granularity): LocalDate {
  switch (granularity) {
    case "day":
      return start.plusDays(1);
    case "week":
      return start.plusDays(7);
    case "month":
      return start.plusMonths(1);
  }
}

/**
 * Every bucket that overlaps [from, to] (both inclusive), in order, each named by its first day; the
 * first and last may extend beyond the range, but only days inside it are ever counted in them.
 */
export function bucketStarts(from: LocalDate, to: LocalDate, granularity: Granularity): LocalDate[] {
  const starts: LocalDate[] = [];
  for (let b = bucketStart(from, granularity); b.compare(to) <= 0; b = nextBucket(b, granularity)) starts.push(b);
  return starts;
}

export interface SeriesPoint<V> {
  readonly bucket: LocalDate;
  readonly value: V;
}

/**
 * Sums daily values into buckets over [from, to], with `zero` for every bucket without data; days
 * outside the range are ignored.
 */
export function zeroFilledSeries<V>(
  days: readonly { readonly day: LocalDate; readonly value: V }[],
  range: { readonly from: LocalDate; readonly to: LocalDate; readonly granularity: Granularity },
  zero: V,
  add: (a: V, b: V) => V,
): SeriesPoint<V>[] {
  const { from, to, granularity } = range;
  const sums = new Map<number, V>(bucketStarts(from, to, granularity).map((b) => [b.epochDay, zero]));
  for (const { day, value } of days) {
    if (day.compare(from) < 0 || day.compare(to) > 0) continue;
    const key = bucketStart(day, granularity).epochDay;
    sums.set(key, add(sums.get(key) ?? zero, value));
  }
  return bucketStarts(from, to, granularity).map((bucket) => ({ bucket, value: sums.get(bucket.epochDay) ?? zero }));
}
