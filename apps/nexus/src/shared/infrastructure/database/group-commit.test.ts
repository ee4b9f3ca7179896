import { describe, expect, it } from "vitest";
import { GroupCommit } from "./group-commit";

/** A commit function the test releases by hand: each call waits until `release()`. */
function gatedCommit(fail: (item: string) => boolean = () => false) {
  const batches: string[][] = [];
  const gates: (() => void)[] = [];
  const commit = async (items: readonly string[]) => {
    batches.push([...items]);
    await new Promise<void>((open) => gates.push(open));
    const bad = items.find(fail);
    if (bad) throw new Error(`bad item ${bad}`);
    return items.map((item) => `${item}!`);
  };
  /** Opens the oldest waiting commit; resolves once the microtasks after it have run. */
  const release = async () => {
    while (gates.length === 0) await Promise.resolve();
    gates.shift()?.();
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  return { batches, commit, release };
}

describe("GroupCommit", () => {
  it("commits a lone item at once, alone", async () => {
    const gated = gatedCommit();
    const group = new GroupCommit(gated.commit);
    const done = group.submit("k", "a");
    expect(gated.batches).toEqual([["a"]]);
    await gated.release();
    await expect(done).resolves.toBe("a!");
  });

  it("puts what arrives during a commit into the next one, in order, each caller getting its own output", async () => {
    const gated = gatedCommit();
    const group = new GroupCommit(gated.commit);
    const results = ["a", "b", "c", "d"].map((item) => group.submit("k", item));
    expect(gated.batches).toEqual([["a"]]);
    await gated.release();
    expect(gated.batches).toEqual([["a"], ["b", "c", "d"]]);
    await gated.release();
    await expect(Promise.all(results)).resolves.toEqual(["a!", "b!", "c!", "d!"]);
    // Drained: the next item starts a commit of its own again.
    const later = group.submit("k", "e");
    expect(gated.batches.at(-1)).toEqual(["e"]);
    await gated.release();
    await expect(later).resolves.toBe("e!");
  });

  it("does not hold one key's items behind another key's commit", async () => {
    const gated = gatedCommit();
    const group = new GroupCommit(gated.commit);
    const first = group.submit("org-1", "a");
    const other = group.submit("org-2", "b");
    expect(gated.batches).toEqual([["a"], ["b"]]);
    await gated.release();
    await gated.release();
    await expect(Promise.all([first, other])).resolves.toEqual(["a!", "b!"]);
  });

  it("caps a batch at maxBatch", async () => {
    const gated = gatedCommit();
    const group = new GroupCommit(gated.commit, 2);
    const results = ["a", "b", "c", "d", "e"].map((item) => group.submit("k", item));
    for (let i = 0; i < 3; i++) await gated.release();
    expect(gated.batches).toEqual([["a"], ["b", "c"], ["d", "e"]]);
    await expect(Promise.all(results)).resolves.toHaveLength(5);
  });

  it("retries a failed batch item by item, so only the bad item fails its caller", async () => {
    const gated = gatedCommit((item) => item === "bad");
    const group = new GroupCommit(gated.commit);
    const first = group.submit("k", "a");
    const rest = ["b", "bad", "c"].map((item) => group.submit("k", item).catch((e: unknown) => e));
    await gated.release(); // ["a"]
    await gated.release(); // ["b", "bad", "c"] fails
    for (let i = 0; i < 3; i++) await gated.release(); // each alone
    expect(gated.batches).toEqual([["a"], ["b", "bad", "c"], ["b"], ["bad"], ["c"]]);
    await expect(first).resolves.toBe("a!");
    const [b, bad, c] = await Promise.all(rest);
    expect([b, c]).toEqual(["b!", "c!"]);
    expect(bad).toBeInstanceOf(Error);
    expect((bad as Error).message).toBe("bad item bad");
  });
});
