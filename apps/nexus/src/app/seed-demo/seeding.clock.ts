import { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Clock } from "@/shared/infrastructure/clock/system.clock";

/**
 * The clock `seed-demo` runs the use cases under: set to a past day and hour, then one second later
 * on every reading, so the day's documents keep their order. Never later than the real time, so
 * nothing is dated in the future.
 */
export class SeedingClock implements Clock {
  private nextMs = Date.now();

  /** From now on it is `date` (YYYY-MM-DD) at `hour` o'clock UTC. */
  set(date: string, hour: number): void {
    this.nextMs = Math.min(Date.parse(`${date}T00:00:00Z`) + hour * 3_600_000, Date.now());
  }

  now(): Timestamp {
    const at = Timestamp.fromMillis(Math.min(this.nextMs, Date.now()));
    this.nextMs += 1_000;
    return at;
  }
}
