import type { EventDispatcher } from "@/shared/infrastructure/events/event-dispatcher";
import type { ProjectedEvent } from "../../application/projected-events";
import type { ApplyEventUseCase } from "../../application/use-cases/apply-event.use-case";
import { PROJECTED_CONTRACTS } from "./projected-event-contracts";

/** Durable inbox name of BI's projections: never rename it, or every event would be applied again. */
export const BI_CONSUMER = "bi.projections";

/** Subscribes the projections to every event they read; the dispatcher parses each with its contract. */
export function subscribeBiProjections(dispatcher: EventDispatcher, apply: ApplyEventUseCase): void {
  for (const contract of PROJECTED_CONTRACTS.values()) {
    dispatcher.subscribe(BI_CONSUMER, contract, (event) => apply.execute(event as ProjectedEvent));
  }
}
