import type { Logger } from "@/shared/infrastructure/logging/logger";

/**
 * Shared between the readiness probe, start-up and graceful shutdown. An application's state starts
 * "starting" (`ReadinessState.starting()`): the HTTP server listens before the event bus and periodic
 * tasks run, and a load balancer must not route to it — nor a supervisor count it as up — until
 * `markStarted()`. Once draining, the instance reports not ready again.
 */
export class ReadinessState {
  private drainingFlag = false;

  constructor(
    private readonly logger?: Logger,
    private startingFlag = false,
  ) {}

  static starting(logger?: Logger): ReadinessState {
    return new ReadinessState(logger, true);
  }

  get starting(): boolean {
    return this.startingFlag;
  }

  get draining(): boolean {
    return this.drainingFlag;
  }

  markStarted(): void {
    this.startingFlag = false;
  }

  setDraining(): void {
    if (this.drainingFlag) return;
    this.drainingFlag = true;
    this.logger?.info("readiness: draining, /health/ready answers 503");
  }
}
