import { type DomainError, err, ok, type Result } from "./result";

export type InvalidTimestamp = DomainError<"invalid-timestamp">;

// RFC 3339 with a mandatory offset; the value is normalised to UTC.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;

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
    const ms = RFC3339.test(value) ? Date.parse(value) : Number.NaN;
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
