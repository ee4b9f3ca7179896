import { gcra } from "./gcra";
import type { RateLimitDecision, RateLimiter, RateLimitPolicy } from "./rate-limiter.port";

const SWEEP_EVERY_MS = 60_000;

/** The embedded default: per-process quotas. Synchronous inside `consume`, hence atomic. */
export class InMemoryRateLimiter implements RateLimiter {
  private readonly tats = new Map<string, number>(); // key → TAT in µs (expired once in the past)
  private lastSweepMs: number;

  constructor(private readonly now: () => number = Date.now) {
    this.lastSweepMs = now();
  }

  async consume(key: string, policy: RateLimitPolicy): Promise<RateLimitDecision> {
    const nowMs = this.now();
    this.sweep(nowMs);
    const nowUs = Math.round(nowMs * 1000);
    const step = gcra(this.tats.get(`${policy.name}:${key}`) ?? null, nowUs, policy);
    if (step.nextTatUs !== null) this.tats.set(`${policy.name}:${key}`, step.nextTatUs);
    return step.decision;
  }

  /** Lazy, amortised clean-up: a key whose TAT has passed holds no information. */
  private sweep(nowMs: number): void {
    if (nowMs - this.lastSweepMs < SWEEP_EVERY_MS) return;
    this.lastSweepMs = nowMs;
    const nowUs = nowMs * 1000;
    for (const [key, tat] of this.tats) if (tat <= nowUs) this.tats.delete(key);
  }
}
