import type { BiDeps } from "../bi-deps";
import { BufferedProjectionStore } from "../buffered.projection-store";
import { invoiceIdOfEvent, organizationOfEvent, projectEvent } from "../event-projector";
import type { ProjectedEvent } from "../projected-events";

/**
 * Live projection of delivered events, in order. The platform dispatcher runs it in the transaction
 * that also holds the events' inbox rows, so the facts change exactly once or not at all. A batch is
 * read and written in bulk (see BufferedProjectionStore): a hundred events cost about the statements
 * of one.
 */
export class ApplyEventUseCase {
  constructor(private readonly deps: Pick<BiDeps, "store">) {}

  async execute(events: readonly ProjectedEvent[]): Promise<void> {
    const batch = new BufferedProjectionStore(this.deps.store);
    for (const [organizationId, group] of byOrganization(events)) {
      const invoiceIds = group.map(invoiceIdOfEvent).filter((id): id is string => id !== null);
      await batch.preload(
        organizationId,
        group.map((e) => e.id),
        [...new Set(invoiceIds)],
      );
    }
    for (const event of events) await projectEvent(batch, event);
    await batch.flush();
  }
}

/** Events by organization, organizations in id order: concurrent batches lock them in the same order. */
function byOrganization(events: readonly ProjectedEvent[]): [string, ProjectedEvent[]][] {
  const groups = new Map<string, ProjectedEvent[]>();
  for (const event of events) {
    const org = organizationOfEvent(event);
    if (org) groups.set(org, [...(groups.get(org) ?? []), event]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
}
