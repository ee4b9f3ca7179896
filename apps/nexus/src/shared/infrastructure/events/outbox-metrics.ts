import { count, eq } from "drizzle-orm";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import type { Counter, MetricsRegistry } from "@/shared/infrastructure/metrics/metrics-registry";
import { outboxEvents } from "./outbox-event.table";

export interface OutboxMetrics {
  readonly delivered: Counter;
  readonly failed: Counter;
  readonly parked: Counter;
}

/**
 * Counters for this process, and gauges of the shared outbox refreshed at each scrape (parked and
 * pending are facts about the database, not about one instance).
 */
export function outboxMetrics(registry: MetricsRegistry, client: DatabaseClient): OutboxMetrics {
  const parkedNow = registry.gauge("nexus_outbox_parked", "Outbox events parked after too many failed deliveries");
  const pendingNow = registry.gauge("nexus_outbox_pending", "Outbox events waiting for delivery");
  registry.addCollector(async () => {
    const rows = await client.db
      .select({ status: outboxEvents.status, n: count() })
      .from(outboxEvents)
      .where(eq(outboxEvents.status, "parked"))
      .groupBy(outboxEvents.status)
      .union(
        client.db
          .select({ status: outboxEvents.status, n: count() })
          .from(outboxEvents)
          .where(eq(outboxEvents.status, "pending"))
          .groupBy(outboxEvents.status),
      );
    parkedNow.set({}, rows.find((r) => r.status === "parked")?.n ?? 0);
    pendingNow.set({}, rows.find((r) => r.status === "pending")?.n ?? 0);
  });
  return {
    delivered: registry.counter("nexus_outbox_delivered_total", "Outbox events handed to the transport", ["type"]),
    failed: registry.counter("nexus_outbox_delivery_failures_total", "Failed outbox delivery attempts", ["type"]),
    parked: registry.counter("nexus_outbox_parked_total", "Outbox events parked after OUTBOX_MAX_ATTEMPTS failures", [
      "type",
    ]),
  };
}
