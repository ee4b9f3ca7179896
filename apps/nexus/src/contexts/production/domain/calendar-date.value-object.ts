import { type DomainError, err, ok, type Result } from "@/shared/domain/result";

/** A day without a time (`YYYY-MM-DD`), e.g. an expiry or a planned date. Compares as text. */
export type CalendarDate = string & { readonly __brand: "CalendarDate" };

export type InvalidDate = DomainError<"invalid-date">;

const FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export const CalendarDate = {
  parse(value: string): Result<CalendarDate, InvalidDate> {
    const match = FORMAT.exec(value);
    const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
    if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) {
      return err({ code: "invalid-date", message: `"${value.slice(0, 32)}" is not a date (YYYY-MM-DD)` });
    }
    return ok(value as CalendarDate);
  },

  /** The UTC day of an instant (epoch milliseconds). */
  ofEpochMs(epochMs: number): CalendarDate {
    return new Date(epochMs).toISOString().slice(0, 10) as CalendarDate;
  },

  addDays(date: CalendarDate, days: number): CalendarDate {
    return CalendarDate.ofEpochMs(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
  },

  compare(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
    return a < b ? -1 : a > b ? 1 : 0;
  },
};
