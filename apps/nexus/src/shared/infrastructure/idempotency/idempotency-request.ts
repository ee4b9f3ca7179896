import type { Context } from "hono";
import { IDEMPOTENCY_KEY_HEADER } from "./idempotency.middleware";
import { fingerprintBody } from "./request-fingerprint";

/**
 * The key and body fingerprint the idempotency middleware claimed, for a handler that also records
 * them in its own transaction (tax's issued documents, docs/adr/0007). Null without the header.
 */
export async function idempotencyRequest(c: Context): Promise<{ key: string; requestHash: string } | null> {
  const key = c.req.header(IDEMPOTENCY_KEY_HEADER);
  // Hono caches the body the middleware read, so this hashes the very same text.
  return key === undefined ? null : { key, requestHash: fingerprintBody(await c.req.text()) };
}
