import { and, inArray, isNotNull } from "drizzle-orm";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { readEventLog } from "@/shared/infrastructure/events/event-log";
import { outboxEvents } from "@/shared/infrastructure/events/outbox-event.table";
import type { EventLog } from "../../application/ports/projection-rebuild.port";
import type { ProjectedEvent } from "../../application/projected-events";
import { parseProjectedEvent } from "./projected-event-contracts";

/**
 * The platform's event log as BI's rebuild reads it. Read through `client.executor()`, so inside the
 * rebuild's transaction. Payloads pass the publishers' schemas, exactly as on live delivery.
 */
export class PlatformEventLog implements EventLog {
  constructor(
    private readonly client: DatabaseClient,
    private readonly pageSize = 2000,
  ) {}

  async *events(organizationId: string, types: readonly string[]): AsyncIterable<ProjectedEvent> {
    let afterSequence: number | undefined;
    do {
      const page = await readEventLog(this.client, {
        organizationId: organizationId as Uuid,
        types,
        limit: this.pageSize,
        ...(afterSequence !== undefined ? { afterSequence } : {}),
      });
      for (const event of page.events) yield parseProjectedEvent(event);
      afterSequence = page.nextSequence;
    } while (afterSequence !== undefined);
  }

  async organizations(types: readonly string[]): Promise<string[]> {
    const rows = await withDatabaseErrors(() =>
      this.client
        .executor()
        .selectDistinct({ organizationId: outboxEvents.organizationId })
        .from(outboxEvents)
        .where(and(inArray(outboxEvents.type, [...types]), isNotNull(outboxEvents.organizationId))),
    );
    return rows.map((r) => r.organizationId as string).sort();
  }
}
