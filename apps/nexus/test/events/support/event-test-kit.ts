import { sql } from "drizzle-orm";
import { z } from "zod";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { type DatabaseClient, queryRows } from "@/shared/infrastructure/database/database-client";
import type { UnitOfWork } from "@/shared/infrastructure/database/unit-of-work";
import type { EventDispatcher } from "@/shared/infrastructure/events/event-dispatcher";
import type { OutboxWriter } from "@/shared/infrastructure/events/outbox-writer";
import { createLogger, type Logger } from "@/shared/infrastructure/logging/logger";

/** A contract as a publishing context would export it from its contracts/. */
export const counterIncremented = {
  type: "test.counter.incremented.v1",
  version: 1,
  schema: z.object({ n: z.number().int().nonnegative(), sentAt: z.number().optional() }),
};

export const CONSUMERS = ["test.alpha", "test.beta"] as const;

/**
 * Handler side effects land in `platform.test_effects`, written through `client.executor()` like a
 * real projection. No unique key on purpose: a duplicate effect must show up as a second row.
 */
export async function createEffectsTable(client: DatabaseClient): Promise<void> {
  await client.db.execute(sql`
    create table if not exists platform.test_effects (
      seq bigserial primary key,
      consumer text not null,
      event_id uuid not null,
      aggregate_id uuid not null,
      n integer not null)`);
}

export function subscribeEffects(
  client: DatabaseClient,
  dispatcher: EventDispatcher,
  options: {
    fail?: (consumer: string, n: number) => boolean;
    /** Runs after the effect is written, before its transaction commits. */
    onEffect?: (consumer: string, n: number) => Promise<void>;
  } = {},
): void {
  for (const consumer of CONSUMERS) {
    dispatcher.subscribe(consumer, counterIncremented, async (event) => {
      await client.executor().execute(
        sql`insert into platform.test_effects (consumer, event_id, aggregate_id, n)
              values (${consumer}, ${event.id}, ${event.aggregateId}, ${event.payload.n})`,
      );
      await options.onEffect?.(consumer, event.payload.n);
      if (options.fail?.(consumer, event.payload.n)) throw new Error(`${consumer} refuses n=${event.payload.n}`);
    });
  }
}

/** Commits `perAggregate` events for each of `aggregates` aggregates, n = 0, 1, 2… per aggregate. */
export async function publishEvents(
  uow: UnitOfWork,
  outbox: OutboxWriter,
  aggregates: number,
  perAggregate: number,
): Promise<Uuid[]> {
  const ids = Array.from({ length: aggregates }, () => Uuid.generate());
  for (let n = 0; n < perAggregate; n++) {
    for (const aggregateId of ids) {
      await uow.transaction(() =>
        outbox.publish(counterIncremented, { organizationId: null, aggregateId, payload: { n } }),
      );
    }
  }
  return ids;
}

export interface EffectsReport {
  readonly total: number;
  readonly duplicates: number;
  /** Aggregates whose effects (per consumer) did not arrive in n order. */
  readonly outOfOrder: number;
}

export async function effectsReport(client: DatabaseClient): Promise<EffectsReport> {
  const rows = await queryRows<{ consumer: string; event_id: string; aggregate_id: string; n: number }>(
    client.db,
    sql`select consumer, event_id, aggregate_id, n from platform.test_effects order by seq`,
  );
  const seen = new Set<string>();
  let duplicates = 0;
  const lastN = new Map<string, number>();
  let outOfOrder = 0;
  for (const row of rows) {
    const key = `${row.consumer}/${row.event_id}`;
    if (seen.has(key)) duplicates++;
    seen.add(key);
    const chain = `${row.consumer}/${row.aggregate_id}`;
    if ((lastN.get(chain) ?? -1) >= row.n) outOfOrder++;
    lastN.set(chain, row.n);
  }
  return { total: rows.length, duplicates, outOfOrder };
}

export async function outboxCounts(client: DatabaseClient): Promise<Record<string, number>> {
  const rows = await queryRows<{ status: string; n: number }>(
    client.db,
    sql`select status, count(*)::int as n from platform.outbox_events group by status`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Polls `check` until it returns true or the deadline passes; never a fixed sleep. */
export async function waitUntil(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 15_000,
  what = "condition",
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A logger whose JSON lines tests can read. */
export function capturingLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger(
    { LOG_LEVEL: "info" },
    { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { logger, lines };
}
