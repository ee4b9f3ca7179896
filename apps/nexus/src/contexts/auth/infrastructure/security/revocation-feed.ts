import type { Broadcast, BroadcastListener } from "@/shared/infrastructure/cache/broadcast.port";
import type { Logger } from "@/shared/infrastructure/logging/logger";
import type { Gauge } from "@/shared/infrastructure/metrics/metrics-registry";
import type { DrizzleAccessRevocationStore } from "../persistence/drizzle-access-revocation.store";
import { type AccessRevocation, accessRevocationBatchSchema, REVOCATION_CHANNEL } from "./access-revocation";
import { RevocationSet, type RevocationSubject } from "./revocation-set";

export interface RevocationFeedOptions {
  /** A full reload while live as well: bounds the damage of a broadcast message lost in transit. */
  readonly resyncEveryMs?: number;
  /** Pause before reloading again after a failed reload. */
  readonly retryMs?: number;
  readonly now?: () => number;
  /** 1 while the check runs in memory, 0 while it falls back to the database. */
  readonly liveGauge?: Gauge;
}

type State = "database" | "syncing" | "live";

/**
 * The guard's revocation check (ADR 0010). Live — subscribed to the broadcast and reloaded from
 * `auth.access_revocations` since — it answers from memory, without I/O. Otherwise (broadcast down,
 * or reloading) it asks the database, so revocations hold and requests keep working while the
 * cache is unavailable.
 */
export class RevocationFeed implements BroadcastListener {
  private readonly set = new RevocationSet();
  private state: State = "database";
  /** Bumped at each (re)subscription and interruption: a reload finishing late must not go live. */
  private epoch = 0;
  private unsubscribe: (() => void) | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly now: () => number;

  constructor(
    private readonly store: Pick<DrizzleAccessRevocationStore, "unexpired" | "revokes">,
    private readonly broadcast: Broadcast,
    private readonly logger: Pick<Logger, "info" | "warn">,
    private readonly options: RevocationFeedOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    options.liveGauge?.set({}, 0);
  }

  async start(): Promise<void> {
    this.unsubscribe = await this.broadcast.subscribe(REVOCATION_CHANNEL, this);
    this.timer = setInterval(() => {
      if (this.state === "live") void this.reload(this.epoch);
    }, this.options.resyncEveryMs ?? 60_000);
    this.timer.unref?.();
  }

  stop(): void {
    clearInterval(this.timer);
    this.unsubscribe?.();
    this.epoch++;
    this.setState("database");
  }

  get live(): boolean {
    return this.state === "live";
  }

  /** In memory when live (synchronous), else one database query. */
  isRevoked(subject: RevocationSubject): boolean | Promise<boolean> {
    return this.state === "live" ? this.set.revokes(subject) : this.store.revokes(subject);
  }

  /** This instance's own committed revocations, applied before the response leaves. */
  apply(revocations: readonly AccessRevocation[]): void {
    this.set.add(revocations);
  }

  /** Tells every instance (the relay's handler calls this; it throws while the broadcast is down). */
  async publish(revocations: readonly AccessRevocation[]): Promise<void> {
    await this.broadcast.publish(REVOCATION_CHANNEL, JSON.stringify({ revocations }));
  }

  onMessage(message: string): void {
    try {
      this.set.add(accessRevocationBatchSchema.parse(JSON.parse(message)).revocations);
    } catch {
      this.logger.warn({ channel: REVOCATION_CHANNEL }, "revocation feed: unreadable message ignored");
    }
  }

  onSubscribed(): void {
    this.epoch++;
    if (this.state === "live") this.setState("syncing");
    void this.reload(this.epoch);
  }

  onInterrupted(): void {
    this.epoch++;
    if (this.state === "live") {
      this.logger.warn("revocation feed interrupted: checking revocations in the database until it is back");
    }
    this.setState("database");
  }

  /** Full resync: union with what is known (never removes), then live if nothing interrupted it. */
  private async reload(epoch: number): Promise<void> {
    if (this.state !== "live") this.setState("syncing");
    try {
      const revocations = await this.store.unexpired(new Date(this.now()));
      if (epoch !== this.epoch) return;
      this.set.add(revocations);
      this.set.prune(this.now());
    } catch (error) {
      if (epoch !== this.epoch) return;
      this.logger.warn({ err: error }, "revocation feed: reload failed, retrying");
      if (this.state === "live") return; // the periodic reload: the next one retries
      const retry = setTimeout(() => epoch === this.epoch && void this.reload(epoch), this.options.retryMs ?? 1_000);
      retry.unref?.();
      return;
    }
    if (this.state !== "live") this.logger.info({ revocations: this.set.size }, "revocation feed live");
    this.setState("live");
  }

  private setState(state: State): void {
    this.state = state;
    this.options.liveGauge?.set({}, state === "live" ? 1 : 0);
  }
}
