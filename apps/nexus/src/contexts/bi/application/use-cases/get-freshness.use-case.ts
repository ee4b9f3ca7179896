import type { BiDeps } from "../bi-deps";

export interface FreshnessView {
  /** When the newest applied event happened; null before the first. */
  readonly lastEventAt: string | null;
  readonly lastAppliedAt: string | null;
  readonly rebuiltAt: string | null;
  /** How long that event took to reach the projections (applied − occurred), in milliseconds. */
  readonly lagMs: number | null;
  /** How long ago the projections last changed, in milliseconds. */
  readonly ageMs: number | null;
}

export class GetFreshnessUseCase {
  constructor(private readonly deps: Pick<BiDeps, "reader" | "clock">) {}

  async execute(input: { organizationId: string }): Promise<FreshnessView> {
    const state = await this.deps.reader.freshness(input.organizationId);
    if (!state) return { lastEventAt: null, lastAppliedAt: null, rebuiltAt: null, lagMs: null, ageMs: null };
    return {
      lastEventAt: state.lastEventAt.toISOString(),
      lastAppliedAt: state.lastAppliedAt.toISOString(),
      rebuiltAt: state.rebuiltAt?.toISOString() ?? null,
      lagMs: Math.max(0, state.lastAppliedAt.getTime() - state.lastEventAt.getTime()),
      ageMs: Math.max(0, this.deps.clock.now().getTime() - state.lastAppliedAt.getTime()),
    };
  }
}
