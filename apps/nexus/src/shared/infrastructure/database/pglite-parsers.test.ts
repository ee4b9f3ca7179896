import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { date, interval, numeric, pgTable, serial, timestamp } from "drizzle-orm/pg-core";
import { drizzle } from "drizzle-orm/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DRIZZLE_TEXT_TYPES, installDrizzleParsers } from "./pglite-parsers";

const moments = pgTable("moments", {
  id: serial("id").primaryKey(),
  at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
  atText: timestamp("at_text", { withTimezone: true, mode: "string" }).notNull(),
  local: timestamp("local", { mode: "date" }).notNull(),
  day: date("day", { mode: "string" }).notNull(),
  dayDate: date("day_date", { mode: "date" }).notNull(),
  span: interval("span").notNull(),
  amounts: numeric("amounts").array().notNull(),
  stamps: timestamp("stamps", { withTimezone: true, mode: "string" }).array().notNull(),
});

const row = {
  at: new Date("2026-03-29T01:30:00.123Z"),
  atText: "2026-10-25 00:59:59.999+00",
  local: new Date("2026-01-31T23:00:00Z"),
  day: "2026-02-28",
  dayDate: new Date("2026-12-31T00:00:00Z"),
  span: "1 day 02:03:04",
  amounts: ["1.10", "0.000001", "12345678901234567890.5"],
  stamps: ["2026-01-01 00:00:00+00", "2026-06-30 12:00:00.5+00"],
};

/** Records the options of every query PGlite itself receives, in and out of transactions. */
function recordOptions(pglite: PGlite, seen: unknown[]): void {
  const query = pglite.query.bind(pglite);
  const transaction = pglite.transaction.bind(pglite);
  const recording =
    (run: PGlite["query"]): PGlite["query"] =>
    (text, params, options) => {
      seen.push(options);
      return run(text, params, options);
    };
  pglite.query = recording(query);
  pglite.transaction = (callback) =>
    transaction((tx) => {
      tx.query = recording(tx.query);
      return callback(tx);
    });
}

const createMoments = (pglite: PGlite) =>
  pglite.exec(`create table moments (id serial primary key, at timestamptz not null,
    at_text timestamptz not null, local timestamp not null, day date not null, day_date date not null,
    span interval not null, amounts numeric[] not null, stamps timestamptz[] not null)`);

let plain: PGlite;
let installed: PGlite;
beforeAll(async () => {
  [plain, installed] = await Promise.all([PGlite.create(), PGlite.create()]);
  for (const pglite of [plain, installed]) {
    await createMoments(pglite);
  }
});
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all([plain.close(), installed.close(), ...cleanup.map((close) => close())]);
});

describe("PGlite with drizzle's parsers installed once", () => {
  it("reads every date, time, interval and array type exactly as drizzle's per-query parsers do", async () => {
    const before = drizzle({ client: plain });
    const after = drizzle({ client: installDrizzleParsers(installed) });
    for (const db of [before, after]) await db.insert(moments).values(row);

    const read = async (db: typeof before) => ({
      typed: await db.select().from(moments),
      raw: (await db.execute(sql`select at, local, day, span, amounts, stamps from moments`)).rows,
      inTransaction: await db.transaction((tx) => tx.select().from(moments)),
    });
    const expected = await read(before);
    expect(expected.typed).toEqual([{ id: 1, ...row, atText: expect.any(String) }]);
    expect(await read(after)).toEqual(expected);
  });

  it("no longer hands PGlite parsers with each query, in or out of a transaction", async () => {
    const pglite = await PGlite.create();
    cleanup.push(() => pglite.close());
    const seen: unknown[] = [];
    recordOptions(pglite, seen);
    const db = drizzle({ client: installDrizzleParsers(pglite) });
    await db.execute(sql`select now()`);
    await db.transaction((tx) => tx.execute(sql`select now()`));

    expect(seen).toHaveLength(2);
    for (const options of seen) expect((options as { parsers?: unknown }).parsers).toBeUndefined();
  });

  it("installs exactly the types drizzle asks for (fails when a drizzle upgrade changes them)", async () => {
    const pglite = await PGlite.create();
    cleanup.push(() => pglite.close());
    await createMoments(pglite);
    const seen: unknown[] = [];
    recordOptions(pglite, seen);
    const db = drizzle({ client: pglite });
    await db.execute(sql`select 1`);
    await db.select().from(moments);

    const asked = seen.map((o) =>
      Object.keys((o as { parsers: object }).parsers)
        .map(Number)
        .sort(),
    );
    expect(asked).toEqual([[...DRIZZLE_TEXT_TYPES].sort(), [...DRIZZLE_TEXT_TYPES].sort()]);
  });
});
