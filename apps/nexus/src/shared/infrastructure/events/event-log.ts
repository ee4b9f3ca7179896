import { and, asc, eq, gt, inArray, type SQL } from "drizzle-orm";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import type { IntegrationEvent } from "./integration-event";
import { outboxEvents } from "./outbox-event.table";
import { toIntegrationEvent } from "./outbox-store";

export interface EventLogPage {
  readonly events: IntegrationEvent[];
  /** Pass back as `afterSequence` for the next page; undefined when this page was the last. */
  readonly nextSequence: number | undefined;
}

/**
 * Reads the event log (the outbox, kept forever) in commit order, one page at a time, e.g. for a
 * projection rebuild: `organizationId` and `types` narrow it; every committed event is included,
 * whatever its delivery status.
 */
export async function readEventLog(
  client: DatabaseClient,
  options: { organizationId?: Uuid; types?: readonly string[]; afterSequence?: number; limit?: number },
): Promise<EventLogPage> {
  const limit = options.limit ?? 500;
  const filters: SQL[] = [gt(outboxEvents.sequence, options.afterSequence ?? 0)];
  if (options.organizationId) filters.push(eq(outboxEvents.organizationId, options.organizationId));
  if (options.types) filters.push(inArray(outboxEvents.type, [...options.types]));
  const rows = await withDatabaseErrors(() =>
    client
      .executor()
      .select()
      .from(outboxEvents)
      .where(and(...filters))
      .orderBy(asc(outboxEvents.sequence))
      .limit(limit),
  );
  return {
    events: rows.map(toIntegrationEvent),
    nextSequence: rows.length === limit ? rows.at(-1)?.sequence : undefined,
  };
}
