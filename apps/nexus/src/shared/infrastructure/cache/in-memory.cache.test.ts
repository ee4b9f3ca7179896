import { describe, expect, it } from "vitest";
import { describeCacheContract } from "../../../../test/support/cache.contract";
import { InMemoryCache } from "./in-memory.cache";

function clock(start = 1_700_000_000_000) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describeCacheContract("InMemoryCache", async () => {
  const time = clock();
  const cache = new InMemoryCache({ now: time.now });
  return { cache, advance: time.advance, dispose: () => cache.close() };
});

describe("InMemoryCache", () => {
  it("keeps a value without TTL forever", async () => {
    const time = clock();
    const cache = new InMemoryCache({ now: time.now });
    await cache.set("k", "v");
    time.advance(365 * 24 * 3600 * 1000);
    expect(await cache.get("k")).toBe("v");
    await cache.close();
  });

  it("sweeps expired entries that nobody reads again", async () => {
    const time = clock();
    const cache = new InMemoryCache({ now: time.now });
    await cache.set("gone", "v", 1_000);
    await cache.set("kept", "v", 5_000);
    time.advance(1_000);
    cache.sweep();
    expect(cache.size).toBe(1);
    expect(await cache.get("kept")).toBe("v");
    await cache.close();
  });

  it("refuses to increment a value that is not an integer", async () => {
    const cache = new InMemoryCache();
    await cache.set("k", "abc");
    await expect(cache.increment("k", 1_000)).rejects.toThrow(/not an integer/);
    await cache.close();
  });
});
