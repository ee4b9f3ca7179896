import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PlatformTokens } from "@/shared/infrastructure/platform.tokens";
import { createTestApp, type TestApp } from "../support/test-app";

describe("periodic tasks of the composed application", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.dispose());

  it("schedules the platform's purges (idempotency keys, transient outbox events) and the auth context's", () => {
    const names = t.app.container.resolve(PlatformTokens.PeriodicTasks).names;
    expect(names).toEqual([
      "idempotency-keys.purge-expired",
      "outbox.purge-transient",
      "auth.purge-expired",
      "auth.access-revocations.purge-expired",
    ]);
  });
});
