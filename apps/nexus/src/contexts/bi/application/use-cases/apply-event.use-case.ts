import type { BiDeps } from "../bi-deps";
import { projectEvent } from "../event-projector";
import type { ProjectedEvent } from "../projected-events";

/**
 * Live projection of one delivered event. The platform dispatcher runs it in the transaction that
 * also holds the event's inbox row, so the facts change exactly once or not at all.
 */
export class ApplyEventUseCase {
  constructor(private readonly deps: Pick<BiDeps, "store">) {}

  async execute(event: ProjectedEvent): Promise<void> {
    await projectEvent(this.deps.store, event);
  }
}
