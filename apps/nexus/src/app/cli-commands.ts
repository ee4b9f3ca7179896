import { createProjectionsRebuild } from "@/contexts/bi/infrastructure/register-bi";
import { DrizzleProductionReadModel } from "@/contexts/production/infrastructure/persistence/drizzle-production.read-model";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { allAuditChainHeads } from "@/shared/infrastructure/audit/audit-chain-head";
import { loadAuditChainKeys } from "@/shared/infrastructure/audit/audit-hash";
import { AuditTrail } from "@/shared/infrastructure/audit/audit-trail";
import { parseAnchors } from "@/shared/infrastructure/audit/audit-verifier";
import type { Config } from "@/shared/infrastructure/config/config.schema";
import { createDatabaseClient } from "@/shared/infrastructure/database/create-database-client";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { migrateDatabase } from "@/shared/infrastructure/database/migrate";
import { migrationStatus } from "@/shared/infrastructure/database/migration-status";
import { retryParked } from "@/shared/infrastructure/events/event-relay";
import { DEMO_DAYS } from "./seed-demo/demo-business";

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

const EXPLAIN: Readonly<Record<string, string>> = {
  changed: "the file changed after it was applied — restore it and put the change in a new migration",
  unknown: "applied, but there is no such file — a newer release's migration, or a deleted file",
  skipped: "older than the last applied migration, so migrate will never apply it — regenerate it",
};

export const cliCommands: readonly CliCommand[] = [
  {
    name: "migrate",
    summary: "apply pending database migrations (PGlite under DATA_DIR, or DATABASE_URL)",
    run: async (config) => {
      const keys = await loadAuditChainKeys(config);
      return withDatabase(config, async (client) => {
        await migrateDatabase(client);
        console.log(`migrations applied (${client.kind})`);
        // Chains written before AUDIT_CHAIN_KEY get their keyed seal (ADR 0015), as the app does at start.
        const sealed = await new AuditTrail(client, keys).sealUnkeyedChains();
        if (sealed > 0) console.log(`${sealed} audit chain(s) sealed with a keyed entry`);
        return 0;
      });
    },
  },
  {
    name: "migrate-status",
    summary: "list applied and pending migrations; exit 1 if an applied migration's file changed since",
    run: (config) =>
      withDatabase(config, async (client) => {
        const statuses = await migrationStatus(client);
        for (const m of statuses) console.log(`${m.state.padEnd(8)} ${m.name}`);
        const count = (state: string) => statuses.filter((m) => m.state === state).length;
        console.log(`${count("applied")} applied, ${count("pending")} pending (${client.kind})`);
        const wrong = statuses.filter((m) => m.state === "changed" || m.state === "unknown" || m.state === "skipped");
        for (const m of wrong) console.error(`${m.name}: ${EXPLAIN[m.state]}`);
        return wrong.length === 0 ? 0 : 1;
      }),
  },
  {
    name: "audit-verify",
    summary:
      "walk every audit hash chain with AUDIT_CHAIN_KEY; --anchor <organizationId|global>:<seq>:<hash> (repeatable) also catches a cut tail; exit 1 if one is broken",
    run: async (config, args) => {
      const anchors = parseAnchors(args);
      if (!anchors.ok) {
        console.error(anchors.error);
        return 1;
      }
      const keys = await loadAuditChainKeys(config);
      return withDatabase(config, async (client) => {
        const report = await new AuditTrail(client, keys).verify({ anchors: anchors.value });
        console.log(JSON.stringify(report));
        return report.valid ? 0 : 1;
      });
    },
  },
  {
    name: "audit-head",
    summary: "print every audit chain's head (one JSON line each) to record elsewhere as an anchor",
    run: (config) =>
      withDatabase(config, async (client) => {
        for (const head of await allAuditChainHeads(client)) console.log(JSON.stringify(head));
        return 0;
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
    name: "seed-demo",
    summary:
      "[--days N] a demo bakery with months of history, made through the use cases; prints the owner's credentials",
    run: (config, args) => {
      const days = args[0] === "--days" ? Number(args[1]) : args.length === 0 ? DEMO_DAYS : Number.NaN;
      if (!Number.isInteger(days) || days < 14 || days > 730) {
        console.error("usage: seed-demo [--days N] (N from 14 to 730 calendar days of history; default 90)");
        return Promise.resolve(1);
      }
      // Loaded on demand: it builds the whole app, which the other commands need not pay for at start-up.
      return import("./seed-demo/seed-demo").then(({ seedDemo }) =>
        seedDemo(config, { days, print: (line) => console.log(line) }),
      );
    },
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
        const rebuild = createProjectionsRebuild(client, await loadAuditChainKeys(config));
        const organizations = id !== undefined ? [id] : await rebuild.organizations();
        for (const organizationId of organizations) {
          console.log(JSON.stringify(await rebuild.execute({ organizationId, actorId: null })));
        }
        console.log(`${organizations.length} organization(s) rebuilt`);
        return 0;
      }),
  },
];
