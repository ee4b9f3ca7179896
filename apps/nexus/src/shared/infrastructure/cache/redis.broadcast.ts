import type { Redis } from "ioredis";
import type { Broadcast, BroadcastListener } from "./broadcast.port";
import type { RedisConnection } from "./redis-connection";

const HEARTBEAT_MS = 5_000;

/**
 * Redis pub/sub. Publishing shares the cache's connection; listening needs a connection of its own
 * (a subscribed connection can do nothing else). Channels are not keys, so ioredis does not prefix
 * them: the key prefix is prepended here, keeping deployments and test runs on one Redis apart.
 * A heartbeat PING notices a peer that vanished without closing the socket.
 */
export class RedisBroadcast implements Broadcast {
  private readonly listeners = new Map<string, Set<BroadcastListener>>();
  private subscriber: Redis | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private live = false;
  private closed = false;

  constructor(
    private readonly connection: RedisConnection,
    private readonly channelPrefix: string,
    private readonly onError?: (error: Error) => void,
  ) {}

  async publish(channel: string, message: string): Promise<void> {
    await this.connection.run((redis) => redis.publish(this.channelPrefix + channel, message));
  }

  async subscribe(channel: string, listener: BroadcastListener): Promise<() => void> {
    const listeners = this.listeners.get(channel) ?? new Set();
    const firstOnChannel = listeners.size === 0;
    listeners.add(listener);
    this.listeners.set(channel, listeners);
    const subscriber = this.subscriber ?? this.connect();
    if (this.live) {
      // Not live yet: the "ready" handler subscribes every channel and tells every listener.
      if (firstOnChannel) await subscriber.subscribe(this.channelPrefix + channel).catch(() => this.reconnect());
      if (this.live) listener.onSubscribed();
    }
    return () => listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    this.subscriber?.disconnect();
  }

  private connect(): Redis {
    const subscriber = this.connection.client.duplicate({ autoResubscribe: false, lazyConnect: false });
    this.subscriber = subscriber;
    subscriber.on("ready", () => void this.resubscribe(subscriber));
    subscriber.on("close", () => this.interrupted());
    subscriber.on("error", (error: Error) => this.onError?.(error));
    subscriber.on("message", (fullChannel: string, message: string) => {
      const channel = fullChannel.slice(this.channelPrefix.length);
      for (const listener of this.listeners.get(channel) ?? []) listener.onMessage(message);
    });
    this.heartbeat = setInterval(() => {
      if (this.live) subscriber.ping().catch(() => this.reconnect());
    }, HEARTBEAT_MS);
    this.heartbeat.unref?.();
    return subscriber;
  }

  private async resubscribe(subscriber: Redis): Promise<void> {
    const channels = [...this.listeners.keys()].map((channel) => this.channelPrefix + channel);
    try {
      if (channels.length > 0) await subscriber.subscribe(...channels);
    } catch {
      this.reconnect();
      return;
    }
    this.live = true;
    for (const listener of this.everyListener()) listener.onSubscribed();
  }

  private interrupted(): void {
    this.live = false;
    for (const listener of this.everyListener()) listener.onInterrupted();
  }

  /** Drops the socket; ioredis reconnects ("close", then "ready" again) unless we are closing. */
  private reconnect(): void {
    if (!this.closed) this.subscriber?.disconnect(true);
  }

  private everyListener(): BroadcastListener[] {
    return [...this.listeners.values()].flatMap((listeners) => [...listeners]);
  }
}
