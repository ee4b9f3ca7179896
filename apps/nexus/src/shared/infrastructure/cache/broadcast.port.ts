/**
 * Messages to every instance of the service: Redis pub/sub when `REDIS_URL` is set, in-process
 * otherwise. Fire and forget: a subscriber that is disconnected misses what is published meanwhile,
 * so it is told when that may have happened (`onInterrupted`) and when it hears again
 * (`onSubscribed`), to resynchronise from the source of truth.
 */
export interface Broadcast {
  /** Rejects with `ServiceUnavailableError("cache")` when the message could not be handed over. */
  publish(channel: string, message: string): Promise<void>;
  /** Resolves to an unsubscribe function; `listener.onSubscribed` follows once the channel is live. */
  subscribe(channel: string, listener: BroadcastListener): Promise<() => void>;
  close(): Promise<void>;
}

export interface BroadcastListener {
  onMessage(message: string): void;
  /** Listening (again): messages published before this may have been missed. */
  onSubscribed(): void;
  /** The connection dropped: messages published from now on may be missed until `onSubscribed`. */
  onInterrupted(): void;
}
