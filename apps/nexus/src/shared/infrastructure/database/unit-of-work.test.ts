import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConflictError } from "@/shared/infrastructure/errors/infrastructure.errors";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-database";
import { createWidgetsTable, widgets } from "../../../../test/support/test-widgets";
import { afterCommit } from "./transaction-context";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await createWidgetsTable(t.client);
});
beforeEach(() => t.client.db.delete(widgets));
afterAll(() => t.dispose());

const names = async () => (await t.client.db.select().from(widgets)).map((w) => w.name).sort();
const insert = (name: string) => t.client.executor().insert(widgets).values({ name });

class Boom extends Error {}

describe("DrizzleUnitOfWork", () => {
  it("commits the work's writes", async () => {
    const result = await t.uow.transaction(async () => {
      await insert("a");
      return 42;
    });
    expect(result).toBe(42);
    expect(await names()).toEqual(["a"]);
  });

  it("rolls everything back when the work throws, and rethrows the error", async () => {
    await expect(
      t.uow.transaction(async () => {
        await insert("a");
        throw new Boom();
      }),
    ).rejects.toBeInstanceOf(Boom);
    expect(await names()).toEqual([]);
  });

  it("executor() enlists in the transaction: its writes are invisible outside until commit", async () => {
    await t.uow.transaction(async () => {
      await insert("inside");
      const seenInside = await t.client.executor().select().from(widgets);
      expect(seenInside.map((w) => w.name)).toEqual(["inside"]);
      expect(t.client.executor()).not.toBe(t.client.db);
    });
    expect(t.client.executor()).toBe(t.client.db);
    expect(await names()).toEqual(["inside"]);
  });

  it("a failing nested block rolls back only itself when the caller catches", async () => {
    await t.uow.transaction(async () => {
      await insert("outer");
      await t.uow
        .transaction(async () => {
          await insert("inner");
          throw new Boom();
        })
        .catch((e: unknown) => expect(e).toBeInstanceOf(Boom));
      await t.uow.transaction(() => insert("inner-ok"));
    });
    expect(await names()).toEqual(["inner-ok", "outer"]);
  });

  it("a nested block's writes roll back with the outer transaction", async () => {
    await expect(
      t.uow.transaction(async () => {
        await t.uow.transaction(() => insert("inner"));
        throw new Boom();
      }),
    ).rejects.toBeInstanceOf(Boom);
    expect(await names()).toEqual([]);
  });

  it("maps a unique violation to ConflictError with the constraint name", async () => {
    await insert("dup");
    const error = await t.uow.transaction(() => insert("dup")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).constraint).toBe("test_widgets_name_key");
    expect((error as Error).message).not.toMatch(/insert|select/i);
  });

  it("concurrent transactions do not interleave, and root queries outside them do not deadlock", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered: () => void = () => {};
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const first = t.uow.transaction(async () => {
      await insert("first");
      entered();
      await gate;
      return (await t.client.executor().select().from(widgets)).map((w) => w.name);
    });
    await inside;
    const second = t.uow.transaction(async () => {
      await insert("second");
      return (await t.client.executor().select().from(widgets)).map((w) => w.name).sort();
    });
    const outside = t.client.executor().select().from(widgets);
    release();
    // The first transaction never sees the second's uncommitted row, whichever engine serialises how.
    expect(await first).toEqual(["first"]);
    expect(await second).toContain("second");
    await outside;
    expect(await names()).toEqual(["first", "second"]);
  });

  it("leaves other rows alone when an update inside a rolled back transaction fails", async () => {
    await insert("keep");
    await t.uow
      .transaction(async () => {
        await t.client.executor().update(widgets).set({ name: "changed" }).where(eq(widgets.name, "keep"));
        throw new Boom();
      })
      .catch(() => undefined);
    expect(await names()).toEqual(["keep"]);
  });

  describe("afterCommit", () => {
    it("runs callbacks once the outermost transaction committed, in order, not before", async () => {
      const ran: string[] = [];
      await t.uow.transaction(async () => {
        afterCommit(t.client, () => ran.push("outer"));
        await t.uow.transaction(async () => {
          afterCommit(t.client, () => ran.push("nested"));
        });
        expect(ran).toEqual([]);
      });
      expect(ran).toEqual(["outer", "nested"]);
    });

    it("never runs callbacks of a rolled back transaction or savepoint", async () => {
      const ran: string[] = [];
      await t.uow
        .transaction(async () => {
          afterCommit(t.client, () => ran.push("doomed"));
          throw new Boom();
        })
        .catch(() => undefined);
      await t.uow.transaction(async () => {
        await t.uow
          .transaction(async () => {
            afterCommit(t.client, () => ran.push("rolled-back savepoint"));
            throw new Boom();
          })
          .catch(() => undefined);
        afterCommit(t.client, () => ran.push("kept"));
      });
      expect(ran).toEqual(["kept"]);
    });

    it("runs at once outside any transaction", () => {
      let ran = false;
      afterCommit(t.client, () => {
        ran = true;
      });
      expect(ran).toBe(true);
    });
  });
});
