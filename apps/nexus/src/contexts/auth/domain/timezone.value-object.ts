import { type DomainError, err, ok, type Result } from "@/shared/domain/result";

/** An IANA time zone name in its canonical spelling, e.g. "Europe/Lisbon". */
export type Timezone = string & { readonly __brand: "Timezone" };
export type InvalidTimezone = DomainError<"invalid-timezone">;

// Names only: newer engines also accept offsets such as "+01:00", which are not IANA zones.
const NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

export const Timezone = {
  parse(value: string): Result<Timezone, InvalidTimezone> {
    const name = value.trim();
    const invalid = err({
      code: "invalid-timezone" as const,
      message: `"${name.slice(0, 64)}" is not an IANA time zone`,
    });
    if (name.length > 64 || !NAME.test(name)) return invalid;
    try {
      // Intl (a language global, no I/O) knows the IANA database and canonicalises the case.
      const canonical = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
      return ok(canonical as Timezone);
    } catch {
      return invalid;
    }
  },
};
