import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { loadAuditChainKeys } from "@/shared/infrastructure/audit/audit-hash";
import { AuditTrail } from "@/shared/infrastructure/audit/audit-trail";
import { createDatabaseClient } from "@/shared/infrastructure/database/create-database-client";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { DrizzleUnitOfWork } from "@/shared/infrastructure/database/unit-of-work";
import { outboxEvents } from "@/shared/infrastructure/events/outbox-event.table";
import { OutboxWriter } from "@/shared/infrastructure/events/outbox-writer";
import { anEntry, tamperAsSuperuser } from "../audit/audit-fixtures";
import { counterIncremented } from "../events/support/event-test-kit";
import { runCli } from "../support/run-cli";
import { testConfig } from "../support/test-config";
import { type ProvisionedDatabase, provisionTestDatabase } from "../support/test-database";

// `npm run nexus -- <command>` as an operator runs it: Bun, src/app/cli.ts, exit codes.
describe("the CLI through its real entry point", () => {
  let database: ProvisionedDatabase;
  beforeAll(async () => {
    database = await provisionTestDatabase();
  });
  afterAll(() => database?.dispose());

  const cli = (...args: string[]) => runCli(args, { ...database.env });

  /** The CLI's database, opened here between CLI runs (PGlite allows one process at a time). */
  async function withClient<T>(work: (client: DatabaseClient) => Promise<T>): Promise<T> {
    const client = await createDatabaseClient(testConfig({ ...database.env }));
    try {
      return await work(client);
    } finally {
      await client.close();
    }
  }

  it("prints the usage (exit 0) without a command and refuses an unknown one (exit 1)", async () => {
    const usage = await cli();
    expect(usage.code).toBe(0);
    for (const name of ["migrate", "migrate-status", "audit-verify", "outbox-retry"])
      expect(usage.stderr).toContain(name);
    const unknown = await cli("no-such-command");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unknown command "no-such-command"');
  });

  // Four CLI processes, the first initializing a new PGlite data dir (~4 s alone): a loaded CI machine
  // took more than the default 30 s once.
  it("migrate applies every migration to an empty database; migrate-status shows pending, then applied", {
    timeout: 90_000,
  }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "nexus-cli-"));
    const empty = { DATABASE_URL: "", DATA_DIR: dataDir };
    try {
      const before = await runCli(["migrate-status"], empty);
      expect(before.code, before.stderr).toBe(0);
      expect(before.stdout).toMatch(/^pending +0000_schemas$/m);
      expect(before.stdout).toMatch(/0 applied, \d+ pending/);

      const migrated = await runCli(["migrate"], empty);
      expect(migrated.code, migrated.stderr).toBe(0);
      expect(migrated.stdout).toContain("migrations applied");

      const after = await runCli(["migrate-status"], empty);
      expect(after.code, after.stderr).toBe(0);
      expect(after.stdout).not.toMatch(/^pending/m);
      expect(after.stdout).toMatch(/\d+ applied, 0 pending/);
      expect((await runCli(["migrate"], empty)).code).toBe(0); // nothing left to do
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it.runIf(inject("databaseTemplate").kind === "pglite")(
    "refuses a PGlite data dir another process holds: exit 1, one line naming the process, no stack",
    async () => {
      const run = await withClient(() => cli("migrate-status"));
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(
        `${database.env.DATA_DIR}/pglite is in use by process ${process.pid}; stop it or set another DATA_DIR`,
      );
    },
  );

  it("migrate-status exits 1 naming an applied migration whose file changed since", async () => {
    expect((await cli("migrate-status")).code).toBe(0);
    // What drizzle recorded no longer matches the file: as if 0000_schemas.sql had been edited.
    await withClient((client) =>
      client.db.execute(
        sql`update drizzle.__drizzle_migrations set hash = 'edited' where created_at = (select min(created_at) from drizzle.__drizzle_migrations)`,
      ),
    );
    const status = await cli("migrate-status");
    expect(status.code).toBe(1);
    expect(status.stdout).toMatch(/^changed +0000_schemas$/m);
    expect(status.stderr).toContain("new migration");
  });

  it("audit-verify exits 0 on intact chains and 1 on a tampered one", async () => {
    const organizationId = Uuid.generate();
    await withClient(async (client) => {
      // The key the CLI loads from the same configuration (a file under this DATA_DIR).
      const audit = new AuditTrail(client, await loadAuditChainKeys(testConfig({ ...database.env })));
      for (let i = 0; i < 3; i++) await audit.record(anEntry(organizationId, { resourceId: `r${i}` }));
    });
    const intact = await cli("audit-verify");
    expect(intact.code, intact.stderr).toBe(0);
    expect(JSON.parse(intact.stdout)).toMatchObject({ valid: true, firstBrokenId: null });

    await withClient((client) =>
      tamperAsSuperuser(
        client,
        sql`update platform.audit_entries set action = 'forged' where organization_id = ${organizationId} and resource_id = 'r1'`,
      ),
    );
    const broken = await cli("audit-verify");
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ valid: false });
  });

  it("outbox-retry re-queues parked events (exit 0) and refuses a malformed id (exit 1)", async () => {
    const eventId = await withClient(async (client) => {
      const event = await new DrizzleUnitOfWork(client).transaction(() =>
        new OutboxWriter(client).publish(counterIncremented, {
          organizationId: null,
          aggregateId: Uuid.generate(),
          payload: { n: 1 },
        }),
      );
      await client.db.update(outboxEvents).set({ status: "parked", attempts: 10 }).where(eq(outboxEvents.id, event.id));
      return event.id;
    });
    const malformed = await cli("outbox-retry", "not-an-id");
    expect(malformed.code).toBe(1);

    const retried = await cli("outbox-retry", eventId);
    expect(retried.code, retried.stderr).toBe(0);
    expect(retried.stdout).toContain("1 parked event(s) re-queued");
    const status = await withClient(
      async (client) =>
        (await client.db.select({ s: outboxEvents.status }).from(outboxEvents).where(eq(outboxEvents.id, eventId)))[0]
          ?.s,
    );
    expect(status).toBe("pending");
    expect((await cli("outbox-retry")).stdout).toContain("0 parked event(s) re-queued");
  });
});
