import { afterEach, describe, expect, it } from "vitest";
import { testConfig } from "../../../../test/support/test-config";
import {
  createTestRedisConnection,
  eventually,
  redisConfigured,
  startRedisProxy,
} from "../../../../test/support/test-redis";
import type { BroadcastListener } from "./broadcast.port";
import { RedisBroadcast } from "./redis.broadcast";
import { RedisConnection } from "./redis-connection";

/** Records what a listener is told. */
function recorder() {
  const events: string[] = [];
  const listener: BroadcastListener = {
    onMessage: (message) => events.push(`message:${message}`),
    onSubscribed: () => events.push("subscribed"),
    onInterrupted: () => events.push("interrupted"),
  };
  return { events, listener };
}

// A real Redis it can cut (through a proxy): the real-server pass only (REDIS_URL set).
describe.runIf(redisConfigured)("RedisBroadcast", () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function instance(url?: string) {
    const redis = await createTestRedisConnection();
    const connection = url ? new RedisConnection(url, { keyPrefix: redis.keyPrefix }) : redis.connection;
    const broadcast = new RedisBroadcast(connection, redis.keyPrefix);
    cleanup.push(redis.dispose, () => broadcast.close());
    if (connection !== redis.connection) cleanup.push(() => connection.close());
    return { broadcast, prefix: redis.keyPrefix };
  }

  it("delivers to every subscriber of the channel, on other connections, and nowhere else", async () => {
    const publisher = await instance();
    const connection = new RedisConnection(testConfig().REDIS_URL ?? "");
    const subscriber = new RedisBroadcast(connection, publisher.prefix);
    cleanup.push(
      () => connection.close(),
      () => subscriber.close(),
    );
    const here = recorder();
    const elsewhere = recorder();
    await subscriber.subscribe("revocations", here.listener);
    await subscriber.subscribe("other", elsewhere.listener);
    await eventually(async () => expect(here.events).toEqual(["subscribed"]));

    await publisher.broadcast.publish("revocations", "hello");
    await eventually(async () => expect(here.events).toEqual(["subscribed", "message:hello"]));
    expect(elsewhere.events).toEqual(["subscribed"]);
  });

  it("tells its listeners when the connection drops and when they listen again, then delivers again", async () => {
    const redisUrl = testConfig().REDIS_URL ?? "";
    const proxy = await startRedisProxy(redisUrl);
    cleanup.push(() => proxy.cut());
    const subscriber = await instance(proxy.url);
    const connection = new RedisConnection(redisUrl);
    const publisher = new RedisBroadcast(connection, subscriber.prefix);
    cleanup.push(() => connection.close());
    const { events, listener } = recorder();
    await subscriber.broadcast.subscribe("revocations", listener);
    await eventually(async () => expect(events).toEqual(["subscribed"]));

    await proxy.cut();
    await eventually(async () => expect(events).toContain("interrupted"));
    await publisher.publish("revocations", "missed");
    await proxy.restore();
    await eventually(async () => expect(events.at(-1)).toBe("subscribed"), 10_000);
    await publisher.publish("revocations", "heard");
    await eventually(async () => expect(events.at(-1)).toBe("message:heard"));
    expect(events).not.toContain("message:missed");
  });
});
