import { sql } from "drizzle-orm";
import { Uuid } from "@/shared/domain/uuid.value-object";
import type { AuditEntryInput } from "@/shared/infrastructure/audit/audit-entry";
import { type DatabaseClient, queryRows } from "@/shared/infrastructure/database/database-client";

export const anOrganization = (): Uuid => Uuid.generate();

export function anEntry(organizationId: Uuid | null, overrides: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    action: "production.order.created",
    outcome: "success",
    organizationId,
    resourceType: "order",
    ...overrides,
  };
}

export async function countEntries(client: DatabaseClient): Promise<number> {
  const [row] = await queryRows<{ n: number }>(client.db, sql`select count(*)::int as n from platform.audit_entries`);
  return row?.n ?? -1;
}

/** Messages along the cause chain: drizzle wraps the driver error, whose message is the one we want. */
export function messagesOf(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) parts.push(e.message);
  return parts.join(" <- ");
}

/** What an attacker with superuser rights could do: change rows with triggers switched off. */
export async function tamperAsSuperuser(client: DatabaseClient, statement: ReturnType<typeof sql>): Promise<void> {
  await client.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
  });
}
