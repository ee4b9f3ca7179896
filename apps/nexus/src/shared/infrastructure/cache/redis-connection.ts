import { Redis } from "ioredis";
import { ServiceUnavailableError } from "@/shared/infrastructure/errors/infrastructure.errors";

export interface RedisConnectionOptions {
  /** Prepended to every key, including the keys of Lua scripts. */
  keyPrefix?: string;
  connectTimeoutMs?: number;
  commandTimeoutMs?: number;
  /** Connection errors (each failed reconnect attempt); the caller decides whether to log them. */
  onError?: (error: Error) => void;
}

/**
 * One ioredis client shared by the Redis cache and rate limiter. Tuned to fail FAST when Redis is
 * down (no offline queue, one retry per command, bounded timeouts): callers must choose their failure
 * mode within a request, not hang until Redis returns.
 */
export class RedisConnection {
  readonly client: Redis;
  private readonly firstConnect: Promise<void>;

  constructor(url: string, options: RedisConnectionOptions = {}) {
    this.client = new Redis(url, {
      keyPrefix: options.keyPrefix ?? "nexus:",
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: options.connectTimeoutMs ?? 2_000,
      commandTimeout: options.commandTimeoutMs ?? 2_000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    this.client.on("error", (error: Error) => options.onError?.(error));
    // Without the offline queue, commands issued before the first "ready" would fail; they wait for
    // the first connection attempt instead (bounded by connectTimeout), later ones never wait.
    this.firstConnect = new Promise<void>((resolve, reject) => {
      this.client.once("ready", resolve);
      this.client.once("error", reject);
      this.client.once("end", () => reject(new Error("connection ended")));
    });
    this.firstConnect.catch(() => {});
  }

  /** Runs commands, translating connection failures into `ServiceUnavailableError("cache")`. */
  async run<T>(commands: (client: Redis) => Promise<T>): Promise<T> {
    try {
      if (this.client.status !== "ready") await this.firstConnect;
      return await commands(this.client);
    } catch (error) {
      throw translateRedisError(error);
    }
  }

  async close(): Promise<void> {
    if (this.client.status === "ready") {
      try {
        await this.client.quit();
        return;
      } catch {
        // fall through: drop the socket
      }
    }
    this.client.disconnect(); // also stops reconnect attempts
  }
}

/** Server replies (WRONGTYPE, script errors…) are bugs and stay as they are; the rest is an outage. */
export function translateRedisError(error: unknown): unknown {
  if (error instanceof ServiceUnavailableError) return error;
  if (error instanceof Error && error.name === "ReplyError") return error;
  return new ServiceUnavailableError("cache", { cause: error });
}
