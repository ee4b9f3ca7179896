/**
 * A shared key-value store with expiry: the in-process store by default, Redis when `REDIS_URL` is
 * set. Values are strings (callers JSON-encode). Outages reject with `ServiceUnavailableError("cache")`.
 */
export interface Cache {
  get(key: string): Promise<string | null>;
  /** Without `ttlMs` the value never expires. */
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  /** Stores only when the key is absent (SET NX); true when this call stored it. Used for locks. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Atomic; the TTL is set when the key is created and not extended by later increments. */
  increment(key: string, ttlMs: number): Promise<number>;
  /** Rejects when the store is unreachable (readiness probe). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
