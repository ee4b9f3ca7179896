import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/shared/infrastructure/database/database-client";
import { DrizzleIdempotencyStore } from "@/shared/infrastructure/idempotency/drizzle-idempotency.store";
import { testConfig } from "../support/test-config";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
let store: DrizzleIdempotencyStore;

beforeAll(async () => {
  db = await createTestDatabase();
  store = new DrizzleIdempotencyStore(db.client);
});
afterAll(() => db.dispose());

const response = { status: 201, headers: { "content-type": "application/json" }, body: '{"id":1}' };

async function expire(scope: string, key: string): Promise<void> {
  await db.client.db.execute(
    sql`update platform.idempotency_keys set expires_at = now() - interval '1 second' where scope = ${scope} and key = ${key}`,
  );
}

describe("DrizzleIdempotencyStore", () => {
  it("lets a new attempt take over a claim whose in-flight time ran out; the stale owner can no longer write", async () => {
    const request = { scope: "s1", key: "k", requestHash: "h", inFlightSeconds: 60 };
    const stale = await store.claim(request);
    expect(stale.kind).toBe("claimed");
    expect(await store.claim(request)).toEqual({ kind: "in-progress" });

    await expire("s1", "k");
    const fresh = await store.claim(request);
    expect(fresh.kind).toBe("claimed");
    if (stale.kind !== "claimed" || fresh.kind !== "claimed") throw new Error("unreachable");

    await store.complete({ scope: "s1", key: "k", claimId: stale.claimId, response, ttlSeconds: 60 });
    await store.release({ scope: "s1", key: "k", claimId: stale.claimId });
    expect(await store.claim(request)).toEqual({ kind: "in-progress" });

    await store.complete({ scope: "s1", key: "k", claimId: fresh.claimId, response, ttlSeconds: 60 });
    expect(await store.claim(request)).toEqual({ kind: "completed", response });
  });

  it("grants a key to exactly one of many simultaneous claims", async () => {
    const request = { scope: "s5", key: "k", requestHash: "h", inFlightSeconds: 60 };
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => store.claim(request)));
    expect(outcomes.filter((o) => o.kind === "claimed")).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === "in-progress")).toHaveLength(9);
  });

  it("reports a mismatch before anything else", async () => {
    await store.claim({ scope: "s2", key: "k", requestHash: "a", inFlightSeconds: 60 });
    expect(await store.claim({ scope: "s2", key: "k", requestHash: "b", inFlightSeconds: 60 })).toEqual({
      kind: "mismatch",
    });
  });

  it("purges expired rows only", async () => {
    await store.claim({ scope: "s3", key: "old", requestHash: "h", inFlightSeconds: 60 });
    await store.claim({ scope: "s3", key: "live", requestHash: "h", inFlightSeconds: 60 });
    await expire("s3", "old");
    expect(await store.purgeExpired()).toBeGreaterThanOrEqual(1);
    const keys = await queryRows<{ key: string }>(
      db.client.db,
      sql`select key from platform.idempotency_keys where scope = 's3'`,
    );
    expect(keys.map((r) => r.key)).toEqual(["live"]);
  });

  // The middleware runs before the use case opens its transaction; even if someone wrapped it in one,
  // the store writes through the root connection. On PGlite (one connection) that would wait for the
  // transaction itself, so this runs only against a PostgreSQL server.
  it.runIf(Boolean(testConfig().DATABASE_URL))(
    "keeps its claim outside a business transaction that rolls back",
    async () => {
      await expect(
        db.uow.transaction(async () => {
          await store.claim({ scope: "s4", key: "k", requestHash: "h", inFlightSeconds: 60 });
          throw new Error("rollback");
        }),
      ).rejects.toThrow("rollback");
      expect(await store.claim({ scope: "s4", key: "k", requestHash: "h", inFlightSeconds: 60 })).toEqual({
        kind: "in-progress",
      });
    },
  );
});
