import type { Cache } from "./cache.port";

interface Entry {
  value: string;
  expiresAt: number; // epoch ms; Infinity = never
}

export interface InMemoryCacheOptions {
  /** Injected in tests to move time without sleeping. */
  now?: () => number;
  /** How often expired entries are swept so that unread keys do not accumulate. */
  sweepIntervalMs?: number;
}

/** The embedded default: one process's memory. Nothing here is shared between instances. */
export class InMemoryCache implements Cache {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  private readonly sweeper: ReturnType<typeof setInterval>;

  constructor(options: InMemoryCacheOptions = {}) {
    this.now = options.now ?? Date.now;
    this.sweeper = setInterval(() => this.sweep(), options.sweepIntervalMs ?? 60_000);
    this.sweeper.unref(); // a cache must never keep the process alive
  }

  async get(key: string): Promise<string | null> {
    return this.live(key)?.value ?? null;
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    this.entries.set(key, { value, expiresAt: this.expiry(ttlMs) });
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    if (this.live(key)) return false;
    this.entries.set(key, { value, expiresAt: this.expiry(ttlMs) });
    return true;
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async increment(key: string, ttlMs: number): Promise<number> {
    const entry = this.live(key);
    if (!entry) {
      this.entries.set(key, { value: "1", expiresAt: this.expiry(ttlMs) });
      return 1;
    }
    const current = Number(entry.value);
    if (!Number.isSafeInteger(current)) throw new Error(`cache value at "${key}" is not an integer`);
    entry.value = String(current + 1);
    return current + 1;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.entries.clear();
  }

  /** Number of stored entries, expired or not (for tests of the sweep). */
  get size(): number {
    return this.entries.size;
  }

  sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private expiry(ttlMs: number | undefined): number {
    if (ttlMs === undefined) return Number.POSITIVE_INFINITY;
    if (!(ttlMs > 0)) throw new RangeError(`ttlMs must be positive, got ${ttlMs}`);
    return this.now() + ttlMs;
  }
}
