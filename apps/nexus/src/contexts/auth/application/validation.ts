import { type DomainError, err, ok, type Result } from "@/shared/domain/result";
import type { ValidationFailed } from "./auth.errors";

type Parsed<T> = { [K in keyof T]: T[K] extends Result<infer V, unknown> ? V : never };

/**
 * Runs value-object parsers for named input fields and reports EVERY failing field at once, with a
 * JSON pointer per field, e.g. `parseFields({ email: Email.parse(input.email) })`.
 */
export function parseFields<T extends Record<string, Result<unknown, DomainError>>>(
  fields: T,
): Result<Parsed<T>, ValidationFailed> {
  const values: Record<string, unknown> = {};
  const errors: { pointer: string; message: string }[] = [];
  for (const [name, result] of Object.entries(fields)) {
    if (result.ok) values[name] = result.value;
    else errors.push({ pointer: `/${name}`, message: result.error.message });
  }
  if (errors.length > 0) return err({ code: "validation-failed", message: "the request is not valid", errors });
  return ok(values as Parsed<T>);
}
