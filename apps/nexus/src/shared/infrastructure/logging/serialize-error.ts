import pino from "pino";
import { REDACTED } from "@/shared/infrastructure/secrets/redact-secrets";

const MAX_CAUSES = 5;
// Shorter values are too likely to occur by chance in messages and stack traces.
const MIN_REDACTED_VALUE = 6;

/**
 * pino's error serializer minus the values bound to a failed query: Drizzle writes them into the
 * message (`Failed query: …\nparams: a,b`) and keeps them in `params`, and PostgreSQL may quote one
 * back (`invalid input syntax for type uuid: "…"`). They can be emails, hashes or raw tokens.
 */
export function serializeError(error: unknown): unknown {
  const serialized = pino.stdSerializers.err(error as Error);
  const values = boundValues(error);
  return values.length === 0 ? serialized : scrub(serialized, values);
}

function boundValues(error: unknown): string[] {
  const values: string[] = [];
  // Walk causes and the members of AggregateErrors (e.g. several failed event handlers).
  const pending: { e: unknown; depth: number }[] = [{ e: error, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { e, depth } = next;
    if (typeof e !== "object" || e === null || depth >= MAX_CAUSES) continue;
    const params = (e as { params?: unknown }).params;
    if (Array.isArray(params)) {
      values.push(`params: ${params.join(",")}`);
      for (const p of params) if (String(p).length >= MIN_REDACTED_VALUE) values.push(String(p));
    }
    pending.push({ e: (e as { cause?: unknown }).cause, depth: depth + 1 });
    const members = (e as { errors?: unknown }).errors;
    if (Array.isArray(members)) for (const member of members) pending.push({ e: member, depth: depth + 1 });
  }
  return values.sort((a, b) => b.length - a.length); // the whole params line before its parts
}

function scrub(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === "string") {
    return secrets.reduce(
      (text, secret) => text.split(secret).join(secret.startsWith("params: ") ? `params: ${REDACTED}` : REDACTED),
      value,
    );
  }
  if (depth > MAX_CAUSES * 2 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, secrets, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = key === "params" ? REDACTED : scrub(item, secrets, depth + 1);
  }
  return copy;
}
