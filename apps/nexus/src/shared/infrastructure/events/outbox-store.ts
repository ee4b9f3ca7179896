import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import { type DatabaseClient, queryRows } from "@/shared/infrastructure/database/database-client";
import { serializeError } from "@/shared/infrastructure/logging/serialize-error";
import type { IntegrationEvent } from "./integration-event";
import { type OutboxEventRow, outboxEvents } from "./outbox-event.table";

export interface ClaimOptions {
  /** Aggregates (chains) claimed per batch. */
  readonly aggregates: number;
  /** Consecutive events of one aggregate claimed with its head. */
  readonly perAggregate: number;
  /** How long a claim keeps other relays away; a relay that dies is replaced after this. */
  readonly leaseMs: number;
}

export type FailureOutcome = "retry" | "parked";

const ms = (n: number): SQL => sql`now() + ${Math.max(0, Math.round(n))} * interval '1 millisecond'`;

/** The relay's statements on `platform.outbox_events`. Always on the root db, never in a use case's transaction. */
export class OutboxStore {
  constructor(private readonly client: DatabaseClient) {}

  /**
   * Claims, per aggregate, its earliest undelivered event (if due) plus the pending events right after
   * it, as chains in sequence order. Heads are locked `FOR UPDATE SKIP LOCKED` so concurrent relays
   * split the work; a later event is never claimed while an earlier one of its aggregate is undelivered,
   * which keeps per-aggregate order across relays (and makes a parked event block its aggregate).
   */
  async claim(options: ClaimOptions): Promise<IntegrationEvent[][]> {
    return withDatabaseErrors(() =>
      this.client.db.transaction(async (tx) => {
        const candidates = await queryRows<{ id: Uuid; aggregate_id: Uuid; status: string }>(
          tx,
          sql`with heads as (
                select e.aggregate_id from ${outboxEvents} e
                where e.status = 'pending' and e.next_attempt_at <= now()
                  and not exists (
                    select 1 from ${outboxEvents} p
                    where p.aggregate_id = e.aggregate_id and p.status <> 'delivered' and p.sequence < e.sequence)
                order by e.sequence
                limit ${options.aggregates}
                for update of e skip locked)
              select id, aggregate_id, status from (
                select o.id, o.aggregate_id, o.status, o.sequence,
                       row_number() over (partition by o.aggregate_id order by o.sequence) as rn
                from ${outboxEvents} o
                where o.aggregate_id in (select aggregate_id from heads) and o.status <> 'delivered') c
              where rn <= ${options.perAggregate}
              order by sequence`,
        );
        const ids = contiguousPending(candidates);
        if (ids.length === 0) return [];
        const rows = await tx
          .update(outboxEvents)
          .set({ nextAttemptAt: ms(options.leaseMs) })
          .where(inArray(outboxEvents.id, ids))
          .returning();
        return chains(rows.sort((a, b) => a.sequence - b.sequence).map(toIntegrationEvent));
      }),
    );
  }

  async markDelivered(ids: readonly Uuid[]): Promise<void> {
    if (ids.length === 0) return;
    await withDatabaseErrors(() =>
      this.client.db
        .update(outboxEvents)
        .set({ status: "delivered", deliveredAt: sql`now()`, attempts: sql`${outboxEvents.attempts} + 1` })
        .where(inArray(outboxEvents.id, [...ids])),
    );
  }

  /** Counts a failed attempt: back off, or park once `maxAttempts` is reached. */
  async markFailed(
    id: Uuid,
    error: Error,
    maxAttempts: number,
    backoff: (attempt: number) => number,
  ): Promise<FailureOutcome> {
    return withDatabaseErrors(() =>
      this.client.db.transaction(async (tx) => {
        const [row] = await tx
          .select({ attempts: outboxEvents.attempts })
          .from(outboxEvents)
          .where(eq(outboxEvents.id, id))
          .for("update");
        const attempts = (row?.attempts ?? 0) + 1;
        const parked = attempts >= maxAttempts;
        await tx
          .update(outboxEvents)
          .set({
            attempts,
            status: parked ? "parked" : "pending",
            lastError: describe(error),
            nextAttemptAt: ms(parked ? 0 : backoff(attempts)),
          })
          .where(eq(outboxEvents.id, id));
        return parked ? "parked" : "retry";
      }),
    );
  }

  /** Gives claimed but unattempted events back (their aggregate's head failed). */
  async release(ids: readonly Uuid[]): Promise<void> {
    if (ids.length === 0) return;
    await withDatabaseErrors(() =>
      this.client.db
        .update(outboxEvents)
        .set({ nextAttemptAt: sql`now()` })
        .where(and(inArray(outboxEvents.id, [...ids]), eq(outboxEvents.status, "pending"))),
    );
  }

  /** A consumer gave up on an event it received (SQS): park it so `outbox-retry` can send it again. */
  async park(id: Uuid, error: Error, attempts: number): Promise<void> {
    await withDatabaseErrors(() =>
      this.client.db
        .update(outboxEvents)
        .set({ status: "parked", attempts, lastError: describe(error) })
        .where(eq(outboxEvents.id, id)),
    );
  }

  /**
   * Deletes delivered transient events past their `purge_after` (at most `limit` per call) and their
   * inbox rows: nothing can redeliver them any more. Resolves to the number of events purged.
   */
  async purgeTransient(limit = 10_000): Promise<number> {
    const rows = await withDatabaseErrors(() =>
      queryRows<{ n: number }>(
        this.client.db,
        sql`with gone as (
              delete from platform.outbox_events where id in (
                select id from platform.outbox_events
                where purge_after < now() and status = 'delivered'
                limit ${limit})
              returning id),
            inbox as (delete from platform.inbox where event_id in (select id from gone))
            select count(*)::int as n from gone`,
      ),
    );
    return rows[0]?.n ?? 0;
  }
}

export function toIntegrationEvent(row: OutboxEventRow): IntegrationEvent {
  return {
    id: row.id,
    type: row.type,
    version: row.version,
    organizationId: row.organizationId,
    aggregateId: row.aggregateId,
    occurredAt: row.occurredAt.toISOString(),
    payload: row.payload,
  };
}

function contiguousPending(rows: readonly { id: Uuid; aggregate_id: Uuid; status: string }[]): Uuid[] {
  const blocked = new Set<Uuid>();
  const ids: Uuid[] = [];
  for (const row of rows) {
    if (blocked.has(row.aggregate_id)) continue;
    if (row.status === "pending") ids.push(row.id);
    else blocked.add(row.aggregate_id); // a parked event in the middle stops the chain
  }
  return ids;
}

function chains(events: readonly IntegrationEvent[]): IntegrationEvent[][] {
  const byAggregate = new Map<Uuid, IntegrationEvent[]>();
  for (const event of events) {
    const chain = byAggregate.get(event.aggregateId);
    if (chain) chain.push(event);
    else byAggregate.set(event.aggregateId, [event]);
  }
  return [...byAggregate.values()];
}

/** What is kept of a failed delivery: name and message, minus any values bound to a failed query. */
function describe(error: Error): string {
  const { type, message } = serializeError(error) as { type?: string; message?: string };
  return `${type ?? error.name}: ${message ?? ""}`.slice(0, 2000);
}
