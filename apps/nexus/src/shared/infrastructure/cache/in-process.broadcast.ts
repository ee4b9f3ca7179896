import type { Broadcast, BroadcastListener } from "./broadcast.port";

/** The embedded default: one process is the whole deployment, so delivery is a function call. */
export class InProcessBroadcast implements Broadcast {
  private readonly listeners = new Map<string, Set<BroadcastListener>>();

  async publish(channel: string, message: string): Promise<void> {
    for (const listener of this.listeners.get(channel) ?? []) listener.onMessage(message);
  }

  async subscribe(channel: string, listener: BroadcastListener): Promise<() => void> {
    const listeners = this.listeners.get(channel) ?? new Set();
    listeners.add(listener);
    this.listeners.set(channel, listeners);
    listener.onSubscribed();
    return () => listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
