import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { PgliteDatabaseClient } from "@/shared/infrastructure/database/pglite-database.client";
import { PostgresDatabaseClient } from "@/shared/infrastructure/database/postgres-database.client";
import { DrizzleUnitOfWork } from "@/shared/infrastructure/database/unit-of-work";
import { createLogger } from "@/shared/infrastructure/logging/logger";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { createTestBus } from "./support/event-bus-harness";
import {
  createEffectsTable,
  effectsReport,
  outboxCounts,
  publishEvents,
  subscribeEffects,
  waitUntil,
} from "./support/event-test-kit";

const APP_DIR = fileURLToPath(new URL("../..", import.meta.url));
const BUN =
  ["../../node_modules/.bin/bun", "../../../../node_modules/.bin/bun"]
    .map((rel) => fileURLToPath(new URL(rel, import.meta.url)))
    .find((path) => existsSync(path)) ?? "bun";
const CHILD = fileURLToPath(new URL("./fixtures/relay-child.ts", import.meta.url));
const logger = createLogger({ LOG_LEVEL: "silent" });

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
  await createEffectsTable(t.client);
});
afterEach(() => t.dispose());

/** Where the child finds the same database: the PostgreSQL URL, or PGlite's DATA_DIR (closed here first). */
async function handOver(client: DatabaseClient): Promise<Record<string, string>> {
  if (client instanceof PostgresDatabaseClient) return { DATABASE_URL: client.options.url };
  if (!(client instanceof PgliteDatabaseClient) || !client.pglite.dataDir) throw new Error("unexpected client");
  const dataDir = dirname(client.pglite.dataDir); // PGlite lives in ${DATA_DIR}/pglite
  await client.close(); // one process per data dir
  return { DATA_DIR: dataDir, DATABASE_URL: "" };
}

async function reopen(client: DatabaseClient, env: Record<string, string>): Promise<DatabaseClient> {
  return client instanceof PgliteDatabaseClient ? PgliteDatabaseClient.open(env.DATA_DIR ?? "") : client;
}

function runChild(env: Record<string, string>): {
  child: ChildProcess;
  applied: () => number;
  exited: Promise<number | null>;
} {
  // The child inherits the environment; its database comes in argv (see the fixture).
  const child = spawn(BUN, [CHILD, JSON.stringify(env)], { cwd: APP_DIR, stdio: ["ignore", "pipe", "pipe"] });
  let applied = 0;
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    applied += chunk
      .toString()
      .split("\n")
      .filter((l) => l === "applied").length;
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  exited.then((code) => {
    if (code !== null && code !== 0) console.error(`relay child exited ${code}: ${stderr}`);
  });
  return { child, applied: () => applied, exited };
}

describe("a relay process SIGKILLed mid-delivery", () => {
  it("loses nothing: after a restart every event is delivered and applied exactly once per subscriber", async () => {
    const publisher = createTestBus({ client: t.client, uow: t.uow, logger, transport: "in-process" }).bus;
    await publishEvents(publisher.uow, publisher.outbox, 6, 20);
    const env = await handOver(t.client);

    const { child, applied, exited } = runChild(env);
    let killed = false;
    try {
      await waitUntil(() => applied() >= 40 || child.exitCode !== null, 60_000, "the child to be mid-delivery");
      expect(child.exitCode).toBeNull(); // it must still be running when we kill it
      killed = child.kill("SIGKILL");
    } finally {
      if (!killed) child.kill("SIGKILL");
      await exited;
    }

    const client = await reopen(t.client, env);
    try {
      const before = await outboxCounts(client);
      expect(before.pending ?? 0).toBeGreaterThan(0); // the kill really interrupted the delivery

      const { bus } = createTestBus({ client, uow: new DrizzleUnitOfWork(client), logger, transport: "in-process" });
      subscribeEffects(client, bus.dispatcher);
      await bus.start();
      try {
        await waitUntil(async () => (await outboxCounts(client)).delivered === 120, 30_000, "all delivered");
        await waitUntil(async () => (await effectsReport(client)).total >= 240, 30_000, "all effects");
        expect(await effectsReport(client)).toEqual({ total: 240, duplicates: 0, outOfOrder: 0 });
      } finally {
        await bus.stop();
      }
    } finally {
      if (client !== t.client) await client.close();
    }
  });
});
