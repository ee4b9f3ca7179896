import type { Context, MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { problemResponse } from "@/shared/infrastructure/http/problem";
import type { IdempotencyStore, StoredResponse } from "./idempotency.store";
import { fingerprintBody } from "./request-fingerprint";

export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
export const IDEMPOTENCY_REPLAYED_HEADER = "Idempotency-Replayed";

// Printable ASCII, 1..255 characters (UUIDs, ULIDs, client-made strings).
const KEY_FORMAT = /^[\x20-\x7e]{1,255}$/;
// Only what a client needs to interpret the replay; per-request headers (x-request-id) are fresh.
const REPLAYED_HEADERS = ["content-type", "location", "content-location", "etag"] as const;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface IdempotencyOptions {
  store: IdempotencyStore;
  /** When true a missing header is a 400 `idempotency-key-required`; otherwise the request runs as is. */
  required: boolean;
  /** The tenant the key belongs to (normally the organization id of the caller). */
  scope: (c: Context) => string;
  /** How long a completed response is replayed (config IDEMPOTENCY_TTL_SECONDS). */
  ttlSeconds: number;
  /** How long an unfinished claim blocks its key, so a crashed instance cannot block it for the whole TTL. */
  inFlightSeconds?: number;
  /** Called when storing or releasing fails after the handler ran; the client still gets its response. */
  onStoreFailure?: (error: unknown) => void;
}

/**
 * Idempotency-Key for POST routes (spec §3, docs/adr/0007): the first request claims the key in
 * its own committed statement, the handler runs, a non-5xx response is stored and replayed for the
 * same key and body; another body → 422, still running → 409. A 5xx or a throw releases the claim.
 */
export function idempotency(options: IdempotencyOptions): MiddlewareHandler {
  const inFlightSeconds = options.inFlightSeconds ?? 300;
  const storeFailed = options.onStoreFailure ?? (() => {});

  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const key = c.req.header(IDEMPOTENCY_KEY_HEADER);
    if (key === undefined) {
      if (!options.required) return next();
      return problemResponse(c, {
        status: 400,
        code: "idempotency-key-required",
        title: "Idempotency-Key header required",
        detail: `This operation requires an ${IDEMPOTENCY_KEY_HEADER} header (1 to 255 printable ASCII characters).`,
      });
    }
    if (!KEY_FORMAT.test(key)) {
      return problemResponse(c, {
        status: 400,
        code: "idempotency-key-invalid",
        title: "Invalid Idempotency-Key header",
        detail: `${IDEMPOTENCY_KEY_HEADER} must be 1 to 255 printable ASCII characters.`,
      });
    }

    const scope = `${options.scope(c)} ${c.req.method} ${c.req.path}`;
    // Hono caches the body, so the route's validator can still read it after us.
    const requestHash = fingerprintBody(await c.req.text());
    const outcome = await options.store.claim({ scope, key, requestHash, inFlightSeconds });

    switch (outcome.kind) {
      case "mismatch":
        return problemResponse(c, {
          status: 422,
          code: "idempotency-key-reused",
          title: "Idempotency-Key reused with a different request",
          detail: "This key was already used with a different request body; use a new key for a new request.",
        });
      case "in-progress":
        return problemResponse(c, {
          status: 409,
          code: "idempotency-request-in-progress",
          title: "Request with this Idempotency-Key is in progress",
          detail: "The first request with this key has not finished yet; retry shortly.",
          headers: { "Retry-After": "1" },
        });
      case "completed":
        return replay(c, outcome.response);
      case "claimed":
        break;
    }

    const claim = { scope, key, claimId: outcome.claimId };
    try {
      await next();
    } catch (error) {
      await options.store.release(claim).catch(storeFailed);
      throw error;
    }
    if (c.error !== undefined || c.res.status >= 500) {
      await options.store.release(claim).catch(storeFailed);
      return;
    }
    const response = await snapshot(c.res);
    await options.store.complete({ ...claim, response, ttlSeconds: options.ttlSeconds }).catch(storeFailed);
  };
}

async function snapshot(res: Response): Promise<StoredResponse> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = res.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { status: res.status, headers, body: await res.clone().text() };
}

function replay(c: Context, stored: StoredResponse): Response {
  const headers = { ...stored.headers, [IDEMPOTENCY_REPLAYED_HEADER]: "true" };
  // 204/304 must not carry a body; an empty stored body is replayed as none.
  const body = stored.body === "" ? null : stored.body;
  return c.newResponse(body, stored.status as ContentfulStatusCode, headers);
}
