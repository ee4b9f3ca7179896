import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Application, createApplication } from "@/app/composition-root";
import { TcpProxy } from "../support/tcp-proxy";
import { testConfig } from "../support/test-config";
import { type ProvisionedDatabase, provisionTestDatabase } from "../support/test-database";

const onPostgres = inject("databaseTemplate").kind === "postgres";

// PGlite lives inside the process and cannot go away on its own; the outage is a PostgreSQL concern,
// so this runs in CI's PostgreSQL pass (DATABASE_URL set), where it must pass.
describe.runIf(onPostgres)("when PostgreSQL goes away and comes back", () => {
  let database: ProvisionedDatabase;
  let proxy: TcpProxy;
  let app: Application;

  beforeAll(async () => {
    database = await provisionTestDatabase();
    const target = new URL(database.env.DATABASE_URL ?? "");
    proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
    const viaProxy = new URL(target);
    viaProxy.hostname = "127.0.0.1";
    viaProxy.port = String(proxy.port);
    await proxy.stop(); // down from the start: the app must still boot and serve what needs no database
    app = await createApplication(
      testConfig({ DATABASE_URL: viaProxy.toString(), DATABASE_CONNECT_TIMEOUT_SECONDS: "2" }),
    );
    await app.start(); // the relay starts in outage mode; readiness then reports the database
  });

  afterAll(async () => {
    await app?.stop();
    await proxy?.stop();
    await database?.dispose();
  });

  it("answers 503 problems for requests that need the database, and stays up", async () => {
    const mailbox = await app.http.request("/dev/mailbox");
    expect(mailbox.status).toBe(503);
    expect(mailbox.headers.get("content-type")).toBe("application/problem+json");
    const body = (await mailbox.json()) as Record<string, unknown>;
    expect(body.code).toBe("service-unavailable");
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|postgres|select|stack/i);

    const ready = await app.http.request("/health/ready");
    expect(ready.status).toBe(503);
    expect(JSON.stringify(await ready.json())).toContain("database");

    expect((await app.http.request("/health/live")).status).toBe(200);
  });

  it("succeeds again once the database is back, without a restart", async () => {
    await proxy.restart();
    let status = 0;
    const deadline = Date.now() + 15_000;
    while (status !== 200 && Date.now() < deadline) {
      status = (await app.http.request("/dev/mailbox")).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
    expect((await app.http.request("/health/ready")).status).toBe(200);
  });
});
