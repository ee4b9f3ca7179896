import type { BiAuditLog } from "./ports/bi-audit-log.port";
import type { BiUnitOfWork, Clock } from "./ports/bi-unit-of-work.port";
import type { FactsReader } from "./ports/facts-reader.port";
import type { EventLog, ProjectionRebuildTarget } from "./ports/projection-rebuild.port";
import type { ProjectionStore } from "./ports/projection-store.port";

/** Everything the bi use cases need, resolved once by registerBi. */
export interface BiDeps {
  readonly store: ProjectionStore;
  readonly reader: FactsReader;
  readonly eventLog: EventLog;
  readonly rebuildTarget: ProjectionRebuildTarget;
  readonly unitOfWork: BiUnitOfWork;
  readonly audit: BiAuditLog;
  readonly clock: Clock;
}
