import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ServiceUnavailableError } from "@/shared/infrastructure/errors/infrastructure.errors";
import { TcpProxy } from "../../../../test/support/tcp-proxy";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-database";
import { waitUntil } from "../../../../test/support/wait";
import { queryRows } from "./database-client";
import { PostgresDatabaseClient } from "./postgres-database.client";
import { DrizzleUnitOfWork } from "./unit-of-work";

describe("PostgresDatabaseClient when the server is unreachable", () => {
  it("fails fast with ServiceUnavailableError on a closed port, and stays usable", async () => {
    const client = new PostgresDatabaseClient({
      url: "postgres://postgres@127.0.0.1:1/x",
      poolMax: 2,
      connectTimeoutSeconds: 2,
    });
    try {
      await expect(client.ping()).rejects.toBeInstanceOf(ServiceUnavailableError);
      await expect(
        new DrizzleUnitOfWork(client).transaction(() => client.executor().execute(sql`select 1`)),
      ).rejects.toBeInstanceOf(ServiceUnavailableError);
    } finally {
      await client.close();
    }
  });
});

// Needs a real server; runs whenever DATABASE_URL is set (and then fails, never skips, if it is down).
describe.runIf(inject("databaseTemplate").kind === "postgres")(
  "PostgresDatabaseClient recovery after an outage",
  () => {
    let t: TestDatabase;
    let proxy: TcpProxy;
    let client: PostgresDatabaseClient;

    beforeAll(async () => {
      t = await createTestDatabase();
      const target = new URL((t.client as PostgresDatabaseClient).options.url);
      proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
      target.host = `127.0.0.1:${proxy.port}`;
      client = new PostgresDatabaseClient({ url: target.toString(), poolMax: 2, connectTimeoutSeconds: 2 });
    });
    afterAll(async () => {
      await client?.close();
      await proxy?.stop();
      await t?.dispose();
    });

    it("answers 503-class errors while the server is gone and recovers without a new client", async () => {
      await client.ping();
      const received: string[] = [];
      await client.listen("recovery", (payload) => received.push(payload));
      await proxy.stop(); // drops live connections and refuses new ones
      // Repeated failures must stay fast (postgres.js' default backoff grows to 20 s per attempt).
      for (let attempt = 0; attempt < 7; attempt++) {
        await expect(withDeadline(client.ping(), 3_000)).rejects.toBeInstanceOf(ServiceUnavailableError);
      }
      await proxy.restart();
      await withDeadline(client.ping(), 5_000);
      const rows = await queryRows<{ n: number }>(client.executor(), sql`select 1 as n`);
      expect(rows).toEqual([{ n: 1 }]);
      // The LISTEN connection re-subscribes by itself; notify until it is back.
      await waitUntil(
        async () => {
          await client.notify("recovery", "back");
          return received.includes("back");
        },
        10_000,
        "the LISTEN connection to re-subscribe",
      );
    });
  },
);

/** Rejects with a plain Error if `promise` has not settled in time (a deadline, not a synchronisation). */
async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
