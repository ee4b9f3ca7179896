import type { Logger } from "./logger";

/**
 * Logs a failing dependency by state change, not by failure: `down` once (with the full error),
 * `still down` at most every `stillDownEveryMs` (message only), `recovered` once. A relay polling a
 * dead database four times a second would otherwise write thousands of stack traces.
 */
export class OutageReporter {
  private downSince: number | undefined;
  private lastReportAt = 0;
  private failures = 0;

  constructor(
    private readonly logger: Logger,
    private readonly what: string,
    private readonly now: () => number = Date.now,
    private readonly stillDownEveryMs = 60_000,
  ) {}

  /** Consecutive failures since the last success. */
  get consecutiveFailures(): number {
    return this.failures;
  }

  failed(error: unknown): void {
    this.failures++;
    const now = this.now();
    if (this.downSince === undefined) {
      this.downSince = this.lastReportAt = now;
      this.logger.warn({ err: error }, `${this.what}: down, backing off`);
      return;
    }
    if (now - this.lastReportAt < this.stillDownEveryMs) return;
    this.lastReportAt = now;
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.warn({ downForMs: now - this.downSince, failures: this.failures, reason }, `${this.what}: still down`);
  }

  succeeded(): void {
    if (this.downSince !== undefined) {
      this.logger.info({ downForMs: this.now() - this.downSince, failures: this.failures }, `${this.what}: recovered`);
    }
    this.downSince = undefined;
    this.failures = 0;
  }
}
