import { CalendarDate } from "../../domain/calendar-date.value-object";

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone (building one costs far more than using it); throws RangeError for an unknown zone. */
function formatIn(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" });
    formats.set(zone, format);
  }
  return format;
}

/** Whether the runtime knows `zone` as an IANA time zone. */
export function isKnownZone(zone: string): boolean {
  try {
    formatIn(zone);
    return true;
  } catch {
    return false;
  }
}

/** The day it is in `zone` at an instant (epoch ms). */
export function dayIn(zone: string, epochMs: number): CalendarDate {
  return formatIn(zone).format(new Date(epochMs)) as CalendarDate;
}

const HOUR_MS = 3_600_000;

/**
 * The first instant (epoch ms) of `date` in `zone`. Offsets lie within ±14 h and a zone's local day
 * only moves forward with time, so the start is the least instant in [UTC midnight − 15 h, UTC
 * midnight + 15 h] whose local day is not before `date`: a binary search to the millisecond. This is
 * also right where a DST change skips local midnight (the day then starts at 01:00).
 */
export function startOfDayIn(zone: string, date: CalendarDate): number {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  let low = utcMidnight - 15 * HOUR_MS; // local day still before `date`
  let high = utcMidnight + 15 * HOUR_MS; // local day already `date` (or after)
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (CalendarDate.compare(dayIn(zone, middle), date) < 0) low = middle;
    else high = middle;
  }
  return high;
}
