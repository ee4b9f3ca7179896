import type { ProjectionSnapshot } from "../in-memory.projection-store";
import type { ProjectedEvent } from "../projected-events";

/** Where a rebuild writes: the organization's projections, replaced as a whole. */
export interface ProjectionRebuildTarget {
  /** Keeps live deliveries for this organization waiting until the transaction ends. */
  lock(organizationId: string): Promise<void>;
  replace(snapshot: ProjectionSnapshot): Promise<void>;
}

/** The platform's event log (the outbox, kept forever), read in commit order. */
export interface EventLog {
  /** Every committed event of these types for the organization, oldest first, in pages. */
  events(organizationId: string, types: readonly string[]): AsyncIterable<ProjectedEvent>;
  /** Organizations that have any of these events. */
  organizations(types: readonly string[]): Promise<string[]>;
}
