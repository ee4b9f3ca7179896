import type { Logger } from "@/shared/infrastructure/logging/logger";

/** Shared between the readiness probe and graceful shutdown: once draining, the instance reports not ready. */
export class ReadinessState {
  private drainingFlag = false;

  constructor(private readonly logger?: Logger) {}

  get draining(): boolean {
    return this.drainingFlag;
  }

  setDraining(): void {
    if (this.drainingFlag) return;
    this.drainingFlag = true;
    this.logger?.info("readiness: draining, /health/ready answers 503");
  }
}
