/**
 * One definition of "a secret field", for log lines and audit metadata alike. Callers should never
 * pass secrets; this is defence in depth (audit rows are append-only: nothing stored there can be
 * cleaned up later).
 */
const SECRET_KEY =
  /pass(word|wd)|token|secret|authori[sz]ation|cookie|api[-_]?key|private[-_]?keys?|(seal|chain)[-_]?key|^(database|redis|smtp)_url$/i;
const MAX_DEPTH = 8;

export const REDACTED = "[REDACTED]";

export const isSecretKey = (key: string): boolean => SECRET_KEY.test(key);

/**
 * Returns `value` with secret fields replaced at any depth, copying only the objects on the way to a
 * secret (no secret: nothing allocated). Non-plain objects (Errors, Dates) are left to serializers.
 * pino's path-based `redact` with wildcards for every depth cost ~80x in log throughput, hence a walk.
 */
export function redactSecrets<T>(value: T, depth = 0): T {
  if (depth > MAX_DEPTH || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, i) => {
      const redacted = redactSecrets(item, depth + 1);
      if (redacted === item) return;
      copy ??= [...value];
      copy[i] = redacted;
    });
    return (copy ?? value) as T;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    const item = record[key];
    const redacted = isSecretKey(key) ? REDACTED : redactSecrets(item, depth + 1);
    if (redacted === item) continue;
    copy ??= { ...record };
    copy[key] = redacted;
  }
  return (copy ?? value) as T;
}
