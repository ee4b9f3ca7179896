import { sql } from "drizzle-orm";
import { z } from "zod";
import type { ProjectedEvent } from "@/contexts/bi/application/projected-events";
import { ApplyEventUseCase } from "@/contexts/bi/application/use-cases/apply-event.use-case";
import { subscribeBiProjections } from "@/contexts/bi/infrastructure/events/bi-event-subscriptions";
import { DrizzleFactsReader } from "@/contexts/bi/infrastructure/persistence/drizzle.facts-reader";
import { DrizzleProjectionStore } from "@/contexts/bi/infrastructure/persistence/drizzle.projection-store";
import { createProjectionsRebuild } from "@/contexts/bi/infrastructure/register-bi";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { type DatabaseClient, queryRows } from "@/shared/infrastructure/database/database-client";
import type { EventBus } from "@/shared/infrastructure/events/create-event-bus";
import type { IntegrationEvent } from "@/shared/infrastructure/events/integration-event";
import { createLogger } from "@/shared/infrastructure/logging/logger";
import { createTestBus } from "../../events/support/event-bus-harness";
import { testAuditKeys } from "../../support/test-audit-keys";
import { testConfig } from "../../support/test-config";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";

/** Publishes as the owning context would: the payload as given (extra fields kept), in the outbox. */
const asPublished = (type: string) => ({ type, version: 1, schema: z.looseObject({}) });

export interface ProjectionHarness {
  readonly database: TestDatabase;
  readonly bus: EventBus;
  readonly reader: DrizzleFactsReader;
  /** Commits the event to the outbox (a new id, like a publisher); returns it as logged. */
  publish(event: ProjectedEvent): Promise<IntegrationEvent>;
  /** Relays and applies everything pending. */
  drain(): Promise<number>;
  rebuild(organizationId: string): Promise<{ eventsApplied: number }>;
  /** Every projection row of the organization, in a stable order, without wall-clock columns. */
  dump(organizationId: string): Promise<Record<string, unknown[]> & { applied_events: unknown[] }>;
  dispose(): Promise<void>;
}

function aggregateOf(event: ProjectedEvent): string {
  const p = event.payload as unknown as Record<string, unknown>;
  return String(p.creditNoteId ?? p.invoiceId ?? p.orderId ?? p.organizationId ?? Uuid.generate());
}

/** Commits `event` to the outbox as its publisher would (a new event id), in a transaction of its own. */
export function publishAs(bus: EventBus, event: ProjectedEvent): Promise<IntegrationEvent> {
  return bus.uow.transaction(() =>
    bus.outbox.publish(asPublished(event.type), {
      organizationId: event.organizationId as Uuid | null,
      aggregateId: aggregateOf(event) as Uuid,
      payload: event.payload as unknown as Record<string, unknown>,
      occurredAt: Timestamp.fromDate(new Date(event.occurredAt)),
    }),
  );
}

/** BI's live projections over a bus of their own, on a fresh database or on `shared` (then left open). */
export async function createProjectionHarness(shared?: TestDatabase): Promise<ProjectionHarness> {
  const database = shared ?? (await createTestDatabase());
  const logger = createLogger(testConfig({ LOG_LEVEL: "silent" }));
  const { bus } = createTestBus({ client: database.client, uow: database.uow, logger, transport: "in-process" });
  subscribeBiProjections(bus.dispatcher, new ApplyEventUseCase({ store: new DrizzleProjectionStore(database.client) }));
  const rebuild = createProjectionsRebuild(database.client, testAuditKeys);
  return {
    database,
    bus,
    reader: new DrizzleFactsReader(database.client),
    publish: (event) => publishAs(bus, event),
    drain: () => bus.relay.drain(),
    rebuild: (organizationId) => rebuild.execute({ organizationId, actorId: null }),
    dump: (organizationId) => dumpProjections(database.client, organizationId),
    async dispose() {
      await bus.stop();
      if (!shared) await database.dispose();
    },
  };
}

const TABLES: Record<string, string> = {
  organizations: "select * from bi.organizations where organization_id = $org",
  invoices: "select * from bi.invoices where organization_id = $org order by invoice_id",
  document_days: "select * from bi.document_days where organization_id = $org order by kind, document_id",
  products: "select * from bi.products where organization_id = $org order by product_id",
  daily_facts: "select * from bi.daily_facts where organization_id = $org order by day",
  daily_product_facts: "select * from bi.daily_product_facts where organization_id = $org order by day, product_id",
  applied_events: "select event_id from bi.applied_events where organization_id = $org order by event_id",
  projection_state: "select last_event_at from bi.projection_state where organization_id = $org",
};

async function dumpProjections(
  client: DatabaseClient,
  organizationId: string,
): Promise<Record<string, unknown[]> & { applied_events: unknown[] }> {
  const dump: Record<string, unknown[]> = {};
  for (const [table, query] of Object.entries(TABLES)) {
    const [before, after] = query.split("$org");
    dump[table] = await queryRows(client.db, sql`${sql.raw(before ?? "")}${organizationId}${sql.raw(after ?? "")}`);
  }
  return JSON.parse(JSON.stringify(dump, (_, v) => (typeof v === "bigint" ? v.toString() : v)));
}
