import { type DomainError, err, ok, type Result } from "@/shared/domain/result";

export type InvalidLocalDate = DomainError<"invalid-date">;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar day with no time zone (an invoice's issue date, a day of the organization's calendar),
 * kept as days since 1970-01-01 so that arithmetic never meets daylight saving time.
 */
export class LocalDate {
  private constructor(readonly epochDay: number) {}

  static parse(text: string): Result<LocalDate, InvalidLocalDate> {
    const match = ISO_DATE.exec(text);
    const invalid = err({
      code: "invalid-date" as const,
      message: `"${String(text).slice(0, 32)}" is not a YYYY-MM-DD date`,
    });
    if (!match) return invalid;
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return invalid;
    return ok(LocalDate.of(y, m, d));
  }

  static of(year: number, month: number, day: number): LocalDate {
    return new LocalDate(daysFromCivil(year, month, day));
  }

  static fromEpochDay(epochDay: number): LocalDate {
    return new LocalDate(epochDay);
  }

  /** The day an instant falls on in `timezone` (an IANA name the caller has validated). */
  static ofInstant(instant: Date, timezone: string): LocalDate {
    const parts = zonedParts(timezone).formatToParts(instant);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return LocalDate.of(get("year"), get("month"), get("day"));
  }

  get year(): number {
    return civilFromDays(this.epochDay)[0];
  }

  get month(): number {
    return civilFromDays(this.epochDay)[1];
  }

  get day(): number {
    return civilFromDays(this.epochDay)[2];
  }

  /** 1 = Monday … 7 = Sunday (ISO 8601). */
  get isoWeekday(): number {
    // 1970-01-01 was a Thursday.
    return ((((this.epochDay + 3) % 7) + 7) % 7) + 1;
  }

  plusDays(days: number): LocalDate {
    return new LocalDate(this.epochDay + days);
  }

  /** The same day of month `months` later, clamped to the month's last day. */
  plusMonths(months: number): LocalDate {
    const [y, m, d] = civilFromDays(this.epochDay);
    const index = y * 12 + (m - 1) + months;
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    return LocalDate.of(year, month, Math.min(d, daysInMonth(year, month)));
  }

  compare(other: LocalDate): -1 | 0 | 1 {
    return this.epochDay < other.epochDay ? -1 : this.epochDay > other.epochDay ? 1 : 0;
  }

  equals(other: LocalDate): boolean {
    return this.epochDay === other.epochDay;
  }

  toString(): string {
    const [y, m, d] = civilFromDays(this.epochDay);
    return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function zonedParts(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [month <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, month, day];
}
