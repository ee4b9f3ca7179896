import { createHash } from "node:crypto";
import { canonicalJson, type JsonValue } from "@/shared/infrastructure/json/canonical-json";

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
    return canonicalJson(JSON.parse(body) as JsonValue);
  } catch {
    return body;
  }
}
