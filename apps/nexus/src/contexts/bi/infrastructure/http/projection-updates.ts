import type { Logger } from "@/shared/infrastructure/logging/logger";
import type { FactsReader } from "../../application/ports/facts-reader.port";

type Listener = (lastAppliedAt: string) => void;

/**
 * Tells open dashboards (server-sent events) when their organization's projections changed. It
 * polls each watched organization's freshness row (one primary-key read per organization per
 * interval), which works the same whichever instance applied the event, with no NOTIFY on the
 * projection's hot path.
 */
export class ProjectionUpdates {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly seen = new Map<string, string>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private polling = false;
  private readonly closers = new Set<() => void>();

  constructor(
    private readonly reader: FactsReader,
    private readonly logger: Logger,
    private readonly intervalMs = 1000,
  ) {}

  /**
   * Calls `listener` after each change of the organization's projections from now on (the current
   * state is read first, so a change right after this resolves is never missed); returns the unsubscribe.
   */
  async subscribe(organizationId: string, listener: Listener): Promise<() => void> {
    if (!this.seen.has(organizationId)) this.seen.set(organizationId, await this.lastApplied(organizationId));
    const set = this.listeners.get(organizationId) ?? new Set();
    set.add(listener);
    this.listeners.set(organizationId, set);
    this.start();
    return () => {
      set.delete(listener);
      if (set.size === 0) {
        this.listeners.delete(organizationId);
        this.seen.delete(organizationId);
      }
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** Called once at shutdown, so open streams end and in-flight requests can finish. */
  onClose(listener: () => void): () => void {
    this.closers.add(listener);
    return () => this.closers.delete(listener);
  }

  close(): void {
    this.listeners.clear();
    this.stop();
    for (const closer of this.closers) closer();
    this.closers.clear();
  }

  private start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.poll(), this.intervalMs);
    this.timer.unref?.();
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      for (const [organizationId, set] of this.listeners) {
        const applied = await this.lastApplied(organizationId);
        const before = this.seen.get(organizationId);
        this.seen.set(organizationId, applied);
        if (before !== applied) for (const listener of set) listener(applied);
      }
    } catch (error) {
      this.logger.warn({ err: error }, "bi: polling projection freshness failed");
    } finally {
      this.polling = false;
    }
  }

  private async lastApplied(organizationId: string): Promise<string> {
    return (await this.reader.freshness(organizationId))?.lastAppliedAt.toISOString() ?? "";
  }
}
