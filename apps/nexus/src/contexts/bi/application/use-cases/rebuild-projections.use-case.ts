import type { BiDeps } from "../bi-deps";
import { projectEvent } from "../event-projector";
import { InMemoryProjectionStore } from "../in-memory.projection-store";
import { PROJECTED_EVENT_TYPES } from "../projected-events";

export interface RebuildReport {
  readonly organizationId: string;
  readonly eventsApplied: number;
  readonly durationMs: number;
}

const TYPES = Object.values(PROJECTED_EVENT_TYPES);

/**
 * Rebuilds an organization's projections from the event log. Under the organization's projection
 * lock, the whole log is folded in memory by the same projector as live delivery, then written in
 * place of the old rows in the same transaction; live deliveries wait and then find their events
 * already applied (or apply the ones committed after the log was read).
 */
export class RebuildProjectionsUseCase {
  constructor(private readonly deps: Pick<BiDeps, "eventLog" | "rebuildTarget" | "unitOfWork" | "audit" | "clock">) {}

  async execute(input: { organizationId: string; actorId: string | null }): Promise<RebuildReport> {
    const started = this.deps.clock.now().getTime();
    const report = await this.deps.unitOfWork.transaction(async () => {
      await this.deps.rebuildTarget.lock(input.organizationId);
      const memory = new InMemoryProjectionStore(input.organizationId);
      let eventsApplied = 0;
      for await (const event of this.deps.eventLog.events(input.organizationId, TYPES)) {
        // The log was read by this organization: an envelope without one still belongs to it.
        if (await projectEvent(memory, { ...event, organizationId: input.organizationId } as typeof event)) {
          eventsApplied++;
        }
      }
      await this.deps.rebuildTarget.replace(memory.snapshot());
      const durationMs = this.deps.clock.now().getTime() - started;
      await this.deps.audit.record({
        organizationId: input.organizationId,
        actorId: input.actorId,
        action: "bi.projections.rebuilt",
        outcome: "success",
        resourceType: "bi.projections",
        metadata: { eventsApplied, durationMs },
      });
      return { organizationId: input.organizationId, eventsApplied, durationMs };
    });
    return report;
  }

  /** Every organization that has events BI projects (the CLI's `projections-rebuild`). */
  async organizations(): Promise<string[]> {
    return this.deps.eventLog.organizations(TYPES);
  }
}
