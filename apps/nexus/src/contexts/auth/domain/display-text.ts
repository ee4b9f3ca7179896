import { type DomainError, err, ok, type Result } from "@/shared/domain/result";

// Control characters (C0, DEL, C1) and bidi overrides have no place in a name shown to others.
const FORBIDDEN = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

/** Shared rule of the name value objects: trimmed, inner whitespace collapsed, bounded, printable. */
export function parseDisplayText<C extends string>(
  value: string,
  code: C,
  what: string,
  max: number,
): Result<string, DomainError<C>> {
  const text = value.trim().replace(/\s+/g, " ");
  if (text.length === 0) return err({ code, message: `${what} must not be empty` });
  if ([...text].length > max) return err({ code, message: `${what} must be at most ${max} characters` });
  if (FORBIDDEN.test(text)) return err({ code, message: `${what} contains invisible control characters` });
  return ok(text);
}
