import { randomUUID } from "node:crypto";
import { RedisConnection } from "@/shared/infrastructure/cache/redis-connection";
import { TcpProxy } from "./tcp-proxy";
import { testConfig } from "./test-config";

export { eventually } from "./wait";

/**
 * Tests that need a real Redis run only when REDIS_URL is set (CI's real-server pass), and then fail,
 * never skip, if it is down: `npm test` on the embedded defaults needs nothing but Node and npm.
 * Wrap them in `describe.runIf(redisConfigured)`.
 */
export const redisConfigured = Boolean(testConfig().REDIS_URL);

export function testRedisUrl(): string {
  const url = testConfig().REDIS_URL;
  if (!url) throw new Error("this test needs REDIS_URL; wrap it in describe.runIf(redisConfigured)");
  return url;
}

/** A connection whose keys live under a prefix unique to this run; `dispose()` deletes them. */
export async function createTestRedisConnection(): Promise<{
  connection: RedisConnection;
  url: string;
  keyPrefix: string;
  dispose(): Promise<void>;
}> {
  const url = testRedisUrl();
  const keyPrefix = `nexus-test:${randomUUID()}:`;
  const connection = new RedisConnection(url, { keyPrefix });
  try {
    await connection.run((redis) => redis.ping());
  } catch (error) {
    await connection.close();
    throw new Error(`Redis at ${new URL(url).host} is unreachable`, { cause: error });
  }
  return {
    connection,
    url,
    keyPrefix,
    async dispose() {
      // KEYS' pattern is not a key, so ioredis does not prefix it; EVAL with no keys neither.
      await connection.run((redis) =>
        redis.eval("for _, k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', k) end", 0, `${keyPrefix}*`),
      );
      await connection.close();
    },
  };
}

/**
 * A TCP proxy in front of Redis that a test can cut and restore, to play "Redis goes down" without
 * touching the shared server.
 */
export async function startRedisProxy(
  targetUrl: string,
): Promise<{ url: string; cut(): Promise<void>; restore(): Promise<void> }> {
  const target = new URL(targetUrl);
  const proxy = await TcpProxy.start(target.hostname, Number(target.port || 6379));
  const proxied = new URL(targetUrl);
  proxied.hostname = "127.0.0.1";
  proxied.port = String(proxy.port);
  return { url: proxied.toString(), cut: () => proxy.stop(), restore: () => proxy.restart() };
}
