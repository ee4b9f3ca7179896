import { createHash } from "node:crypto";

/**
 * SHA-256 (hex) of a request body in canonical form: JSON is re-serialised with sorted keys and no
 * whitespace, so a retry that re-encodes the same document still matches. Anything that is not JSON
 * is hashed as sent.
 */
export function fingerprintBody(body: string): string {
  return createHash("sha256").update(canonicalBody(body)).digest("hex");
}

function canonicalBody(body: string): string {
  if (body.trim() === "") return "";
  try {
    return canonicalJson(JSON.parse(body));
  } catch {
    return body;
  }
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value);
}
