/** Shared between the readiness probe and graceful shutdown: once draining, the instance reports not ready. */
export class ReadinessState {
  private drainingFlag = false;

  get draining(): boolean {
    return this.drainingFlag;
  }

  setDraining(): void {
    this.drainingFlag = true;
  }
}
