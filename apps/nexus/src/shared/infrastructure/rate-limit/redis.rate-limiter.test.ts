import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { RedisConnection } from "@/shared/infrastructure/cache/redis-connection";
import { ServiceUnavailableError } from "@/shared/infrastructure/errors/infrastructure.errors";
import { describeRateLimiterContract } from "../../../../test/support/rate-limiter.contract";
import { createTestRedisConnection, redisConfigured } from "../../../../test/support/test-redis";
import { RedisRateLimiter } from "./redis.rate-limiter";

const APP_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const BUN = fileURLToPath(new URL("../../../../../../node_modules/.bin/bun", import.meta.url));

describe.runIf(redisConfigured)("on Redis (REDIS_URL)", () => {
  describeRateLimiterContract("RedisRateLimiter", async () => {
    const redis = await createTestRedisConnection();
    return { limiter: new RedisRateLimiter(redis.connection), advance: () => {}, dispose: redis.dispose };
  });
});

describe.runIf(redisConfigured)("RedisRateLimiter across processes", () => {
  it("enforces one limit shared by two processes", async () => {
    const redis = await createTestRedisConnection();
    const key = `shared:${randomUUID()}`;
    const policy = { name: "two-processes", limit: 20, windowMs: 60_000 };
    // Another process (Bun, as in production) consuming 15 from the same key while this one does too.
    const args = [redis.url, redis.keyPrefix, key, JSON.stringify(policy), "15"];
    const child = promisify(execFile)(BUN, ["--eval", CHILD_SCRIPT, ...args], { cwd: APP_ROOT });
    try {
      const limiter = new RedisRateLimiter(redis.connection);
      let allowedHere = 0;
      for (let i = 0; i < 15; i++) if ((await limiter.consume(key, policy)).allowed) allowedHere++;
      const allowedThere = Number(JSON.parse((await child).stdout).allowed);
      expect(allowedThere).toBeGreaterThan(0);
      expect(allowedHere + allowedThere).toBe(20);
      expect((await limiter.consume(key, policy)).allowed).toBe(false);
    } finally {
      await child.catch(() => {});
      await redis.dispose();
    }
  });
});

describe("RedisRateLimiter when Redis is down", () => {
  it("rejects with ServiceUnavailableError instead of hanging", { timeout: 5_000 }, async () => {
    const connection = new RedisConnection("redis://127.0.0.1:1");
    const limiter = new RedisRateLimiter(connection);
    try {
      await expect(limiter.consume("k", { name: "p", limit: 1, windowMs: 1_000 })).rejects.toBeInstanceOf(
        ServiceUnavailableError,
      );
      await expect(limiter.consume("k", { name: "p", limit: 1, windowMs: 1_000 })).rejects.toBeInstanceOf(
        ServiceUnavailableError,
      );
    } finally {
      await connection.close();
    }
  });
});

const CHILD_SCRIPT = `
import { RedisConnection } from "@/shared/infrastructure/cache/redis-connection";
import { RedisRateLimiter } from "@/shared/infrastructure/rate-limit/redis.rate-limiter";
const [url, keyPrefix, key, policy, count] = process.argv.slice(-5);
const connection = new RedisConnection(url, { keyPrefix });
const limiter = new RedisRateLimiter(connection);
let allowed = 0;
for (let i = 0; i < Number(count); i++) if ((await limiter.consume(key, JSON.parse(policy))).allowed) allowed++;
await connection.close();
console.log(JSON.stringify({ allowed }));
`;
