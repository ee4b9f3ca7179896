import { and, asc, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { outboxEvents } from "@/shared/infrastructure/events/outbox-event.table";

/** The error of `result`, asserting it failed with `code` (and, optionally, these fields). */
export function expectErr<E extends { code: string }>(
  result: Result<unknown, E>,
  code: E["code"],
  fields: Partial<E> = {},
): E {
  expect(result.ok ? { ok: true, value: result.value } : result.error).toMatchObject({ ...fields, code });
  if (result.ok) throw new Error("unreachable");
  return result.error;
}

/** The value of `result`, asserting it succeeded. */
export function expectOk<T>(result: Result<T, { code: string }>): T {
  expect(result.ok ? "ok" : result.error).toBe("ok");
  if (!result.ok) throw new Error("unreachable");
  return result.value;
}

export interface PublishedEvent {
  readonly type: string;
  readonly organizationId: string | null;
  readonly aggregateId: string;
  readonly payload: unknown;
}

/**
 * The integration events of `type` in the outbox (committed ones: call it outside a transaction),
 * oldest first, optionally only those of one aggregate; asserts there are `count` (default: at least one).
 */
export async function expectPublished(
  client: DatabaseClient,
  type: string,
  options: { aggregateId?: string; count?: number } = {},
): Promise<PublishedEvent[]> {
  const where = options.aggregateId
    ? and(eq(outboxEvents.type, type), eq(outboxEvents.aggregateId, options.aggregateId as Uuid))
    : eq(outboxEvents.type, type);
  const rows = await client.db
    .select({
      type: outboxEvents.type,
      organizationId: outboxEvents.organizationId,
      aggregateId: outboxEvents.aggregateId,
      payload: outboxEvents.payload,
    })
    .from(outboxEvents)
    .where(where)
    .orderBy(asc(outboxEvents.sequence));
  if (options.count !== undefined) expect(rows, `${type} events`).toHaveLength(options.count);
  else expect(rows.length, `no ${type} event was published`).toBeGreaterThan(0);
  return rows;
}
