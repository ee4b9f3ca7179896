/** A dependency readiness probe: resolves when reachable, throws (or times out) when not. */
export interface HealthCheck {
  readonly name: string;
  check(): Promise<void>;
}
