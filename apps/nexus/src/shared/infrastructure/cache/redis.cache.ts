import type { Cache } from "./cache.port";
import type { RedisConnection } from "./redis-connection";

/** The configured adapter (`REDIS_URL`): shared by every instance of the service. */
export class RedisCache implements Cache {
  constructor(readonly connection: RedisConnection) {}

  get(key: string): Promise<string | null> {
    return this.connection.run((redis) => redis.get(key));
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    const px = ttlMs === undefined ? undefined : toPx(ttlMs);
    await this.connection.run((redis) => (px === undefined ? redis.set(key, value) : redis.set(key, value, "PX", px)));
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    const px = toPx(ttlMs);
    const reply = await this.connection.run((redis) => redis.set(key, value, "PX", px, "NX"));
    return reply === "OK";
  }

  async delete(key: string): Promise<void> {
    await this.connection.run((redis) => redis.del(key));
  }

  async increment(key: string, ttlMs: number): Promise<number> {
    // MULTI makes "create with TTL, then add one" atomic: a crash can never leave a counter without expiry.
    const px = toPx(ttlMs);
    const results = await this.connection.run((redis) => redis.multi().set(key, "0", "PX", px, "NX").incr(key).exec());
    const [, incr] = results ?? [];
    if (!incr) throw new Error("cache increment: transaction was aborted");
    const [error, value] = incr;
    if (error) throw error;
    return Number(value);
  }

  async ping(): Promise<void> {
    await this.connection.run((redis) => redis.ping());
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}

/** Validated before any I/O so that a caller's bug is never reported as an outage. */
function toPx(ttlMs: number): number {
  if (!(ttlMs > 0)) throw new RangeError(`ttlMs must be positive, got ${ttlMs}`);
  return Math.ceil(ttlMs);
}
