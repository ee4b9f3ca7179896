import { type DomainError, err, ok, type Result } from "./result";

export type InvalidTimestamp = DomainError<"invalid-timestamp">;

// RFC 3339 with a mandatory offset; the value is normalised to UTC.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/i;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** An instant in time, millisecond precision, always rendered as RFC 3339 UTC. */
export class Timestamp {
  private constructor(readonly epochMs: number) {}

  static now(): Timestamp {
    return new Timestamp(Date.now());
  }

  static fromMillis(epochMs: number): Timestamp {
    if (!Number.isFinite(epochMs)) throw new RangeError(`invalid epoch milliseconds: ${epochMs}`);
    return new Timestamp(Math.trunc(epochMs));
  }

  static fromDate(date: Date): Timestamp {
    return Timestamp.fromMillis(date.getTime());
  }

  static parse(value: string): Result<Timestamp, InvalidTimestamp> {
    const ms = hasValidFields(RFC3339.exec(value)) ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(ms)) {
      return err({ code: "invalid-timestamp", message: `"${value.slice(0, 64)}" is not an RFC 3339 date-time` });
    }
    return ok(new Timestamp(ms));
  }

  plusMillis(ms: number): Timestamp {
    return new Timestamp(this.epochMs + ms);
  }

  isBefore(other: Timestamp): boolean {
    return this.epochMs < other.epochMs;
  }

  isAfter(other: Timestamp): boolean {
    return this.epochMs > other.epochMs;
  }

  equals(other: Timestamp): boolean {
    return this.epochMs === other.epochMs;
  }

  toDate(): Date {
    return new Date(this.epochMs);
  }

  toISOString(): string {
    return new Date(this.epochMs).toISOString();
  }

  toJSON(): string {
    return this.toISOString();
  }
}

/**
 * Date.parse rolls impossible fields over ("2025-02-30" becomes March 2, "T24:00" the next day), so
 * a typo would silently become another instant; each field is range-checked first. Year 0000 is
 * refused: PostgreSQL has no year 0, so such an instant could never be stored or compared.
 */
function hasValidFields(match: RegExpExecArray | null): boolean {
  if (!match) return false;
  const field = (i: number): number => Number(match[i] ?? 0); // absent offset fields: "Z"
  const [year, month, day] = [field(1), field(2), field(3)];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return (
    year >= 1 &&
    day >= 1 &&
    day <= daysInMonth &&
    field(4) <= 23 &&
    field(5) <= 59 &&
    field(6) <= 59 &&
    field(9) <= 23 &&
    field(10) <= 59
  );
}
