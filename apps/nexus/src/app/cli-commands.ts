import { createProjectionsRebuild } from "@/contexts/bi/infrastructure/register-bi";
import { DrizzleProductionReadModel } from "@/contexts/production/infrastructure/persistence/drizzle-production.read-model";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { verifyAuditChain } from "@/shared/infrastructure/audit/audit-verifier";
import type { Config } from "@/shared/infrastructure/config/config.schema";
import { createDatabaseClient } from "@/shared/infrastructure/database/create-database-client";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { migrateDatabase } from "@/shared/infrastructure/database/migrate";
import { retryParked } from "@/shared/infrastructure/events/event-relay";

export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  run(config: Config, args: readonly string[]): Promise<number>;
}

/** Opens the database, runs `work`, always closes it. */
async function withDatabase(config: Config, work: (client: DatabaseClient) => Promise<number>): Promise<number> {
  const client = await createDatabaseClient(config);
  try {
    return await work(client);
  } finally {
    await client.close();
  }
}

export const cliCommands: readonly CliCommand[] = [
  {
    name: "migrate",
    summary: "apply pending database migrations (PGlite under DATA_DIR, or DATABASE_URL)",
    run: (config) =>
      withDatabase(config, async (client) => {
        await migrateDatabase(client);
        console.log(`migrations applied (${client.kind})`);
        return 0;
      }),
  },
  {
    name: "audit-verify",
    summary: "walk every organization's audit hash chain; exit 1 if one is broken",
    run: (config) =>
      withDatabase(config, async (client) => {
        const report = await verifyAuditChain(client, {});
        console.log(JSON.stringify(report));
        return report.valid ? 0 : 1;
      }),
  },
  {
    name: "stock-verify",
    summary: "check every item's stock ledger against its stock and lots; exit 1 naming each item that disagrees",
    run: (config) =>
      withDatabase(config, async (client) => {
        const report = await new DrizzleProductionReadModel(client).verifyStock();
        for (const d of report.discrepancies) {
          console.error(`${d.itemKind} ${d.itemId} (organization ${d.organizationId}): ${d.detail}`);
        }
        console.log(
          JSON.stringify({
            valid: report.discrepancies.length === 0,
            checkedItems: report.checkedItems,
            discrepancies: report.discrepancies.length,
          }),
        );
        return report.discrepancies.length === 0 ? 0 : 1;
      }),
  },
  {
    name: "outbox-retry",
    summary: "re-queue parked outbox events: all of them, or the one whose id is given",
    run: (config, [id]) =>
      withDatabase(config, async (client) => {
        let eventId: Uuid | undefined;
        if (id !== undefined) {
          const parsed = Uuid.parse(id);
          if (!parsed.ok) {
            console.error(parsed.error.message);
            return 1;
          }
          eventId = parsed.value;
        }
        const count = await retryParked(client, eventId ? { id: eventId } : {});
        console.log(`${count} parked event(s) re-queued`);
        return 0;
      }),
  },
  {
    name: "projections-rebuild",
    summary: "rebuild BI's projections from the event log: every organization's, or the one whose id is given",
    run: (config, [id]) =>
      withDatabase(config, async (client) => {
        if (id !== undefined && !Uuid.parse(id).ok) {
          console.error(`"${id}" is not an organization id`);
          return 1;
        }
        const rebuild = createProjectionsRebuild(client);
        const organizations = id !== undefined ? [id] : await rebuild.organizations();
        for (const organizationId of organizations) {
          console.log(JSON.stringify(await rebuild.execute({ organizationId, actorId: null })));
        }
        console.log(`${organizations.length} organization(s) rebuilt`);
        return 0;
      }),
  },
];
