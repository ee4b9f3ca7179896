import { afterEach, describe, expect, it } from "vitest";
import { type Application, createApplication } from "@/app/composition-root";
import { createLogger } from "@/shared/infrastructure/logging/logger";
import { testConfig } from "../support/test-config";
import { type ProvisionedDatabase, provisionTestDatabase } from "../support/test-database";

// The HTTP server listens before the event bus and periodic tasks start (main.ts): a probe that said
// "ready" then would let a supervisor send traffic, or a SIGTERM, to a half-started process.
describe("readiness while the application starts", () => {
  let database: ProvisionedDatabase | undefined;
  let app: Application | undefined;
  afterEach(async () => {
    await app?.stop();
    await database?.dispose();
  });

  it("answers 503 starting until start() has finished, then 200", async () => {
    database = await provisionTestDatabase();
    const config = testConfig({ ...database.env });
    app = await createApplication(config, { logger: createLogger(config, { write: () => {} }) });

    const starting = await app.http.request("/health/ready");
    expect(starting.status).toBe(503);
    expect(starting.headers.get("content-type")).toContain("application/problem+json");
    expect(await starting.json()).toMatchObject({ code: "service-unavailable", starting: true });
    expect((await app.http.request("/health/live")).status).toBe(200);

    await app.start();
    const ready = await app.http.request("/health/ready");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready" });
  });
});
