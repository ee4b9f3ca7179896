import { type DomainError, err, ok, type Result } from "@/shared/domain/result";

export type InvalidDate = DomainError<"invalid-date">;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day in the calendar (`YYYY-MM-DD`), without time or zone: issue dates and rate validity. */
export class CalendarDate {
  private constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
  ) {}

  static parse(text: string): Result<CalendarDate, InvalidDate> {
    const match = typeof text === "string" ? ISO_DATE.exec(text) : null;
    const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
    if (!match || year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      return err({ code: "invalid-date", message: `"${String(text).slice(0, 32)}" is not a date YYYY-MM-DD` });
    }
    return ok(new CalendarDate(year, month, day));
  }

  /** The day an instant falls on in an IANA time zone (Intl is a language global, no I/O). */
  static ofInstant(epochMs: number, timeZone: string): CalendarDate {
    const parts = dayFormatter(timeZone).formatToParts(new Date(epochMs));
    const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return new CalendarDate(part("year"), part("month"), part("day"));
  }

  compare(other: CalendarDate): -1 | 0 | 1 {
    const a = this.ordinal();
    const b = other.ordinal();
    return a < b ? -1 : a > b ? 1 : 0;
  }

  equals(other: CalendarDate): boolean {
    return this.compare(other) === 0;
  }

  isBefore(other: CalendarDate): boolean {
    return this.compare(other) < 0;
  }

  isAfter(other: CalendarDate): boolean {
    return this.compare(other) > 0;
  }

  toString(): string {
    const pad = (n: number, width: number) => String(n).padStart(width, "0");
    return `${pad(this.year, 4)}-${pad(this.month, 2)}-${pad(this.day, 2)}`;
  }

  toJSON(): string {
    return this.toString();
  }

  private ordinal(): number {
    return this.year * 10_000 + this.month * 100 + this.day;
  }
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// Building an Intl.DateTimeFormat costs far more than using one (~3 % of an invoice issue's CPU):
// one per time zone, kept (a handful of zones per deployment).
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter;
}
