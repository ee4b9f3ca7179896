import type { JsonValue } from "./canonical-json";

// Defence in depth: callers should never pass secrets, but a stray token must not become
// permanent — the audit table is append-only, so nothing stored there can be cleaned up later.
const SECRET_KEY = /password|passwd|token|secret|authorization|cookie|api[-_]?key/i;
export const REDACTED = "[REDACTED]";

export function redactSecrets(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== "object") return value;
  const out: { [key: string]: JsonValue } = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : redactSecrets(inner);
  }
  return out;
}
