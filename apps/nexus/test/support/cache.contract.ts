import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cache } from "@/shared/infrastructure/cache/cache.port";
import { eventually } from "./wait";

export interface CacheHarness {
  cache: Cache;
  /** Lets time pass: moves an injected clock, or does nothing when the store uses real time. */
  advance(ms: number): void;
  dispose(): Promise<void>;
}

/** The behaviour every Cache adapter must share; run by each adapter's test file. */
export function describeCacheContract(name: string, open: () => Promise<CacheHarness>): void {
  describe(`${name} (Cache contract)`, () => {
    let h: CacheHarness;
    beforeAll(async () => {
      h = await open();
    });
    afterAll(() => h.dispose());
    const key = () => `k:${randomUUID()}`;
    const SHORT = 40; // ms: short enough for real-time polling, the in-memory clock jumps over it

    it("returns null for an absent key and the stored value otherwise", async () => {
      const k = key();
      expect(await h.cache.get(k)).toBeNull();
      await h.cache.set(k, '{"a":1}');
      expect(await h.cache.get(k)).toBe('{"a":1}');
      await h.cache.set(k, "second", 60_000);
      expect(await h.cache.get(k)).toBe("second");
    });

    it("deletes a key, and deleting an absent key is fine", async () => {
      const k = key();
      await h.cache.set(k, "v", 60_000);
      await h.cache.delete(k);
      await h.cache.delete(k);
      expect(await h.cache.get(k)).toBeNull();
    });

    it("expires a value after its TTL", async () => {
      const k = key();
      await h.cache.set(k, "v", SHORT);
      await h.cache.set(`${k}:long`, "v", 60_000);
      h.advance(SHORT);
      await eventually(async () => expect(await h.cache.get(k)).toBeNull());
      expect(await h.cache.get(`${k}:long`)).toBe("v");
    });

    it("setIfAbsent stores only once until the key expires", async () => {
      const k = key();
      expect(await h.cache.setIfAbsent(k, "first", SHORT)).toBe(true);
      expect(await h.cache.setIfAbsent(k, "second", SHORT)).toBe(false);
      expect(await h.cache.get(k)).toBe("first");
      h.advance(SHORT);
      await eventually(async () => expect(await h.cache.setIfAbsent(k, "third", 60_000)).toBe(true));
      expect(await h.cache.get(k)).toBe("third");
    });

    it("increments from 1 and keeps the TTL of the first increment", async () => {
      const k = key();
      expect(await h.cache.increment(k, SHORT)).toBe(1);
      expect(await h.cache.increment(k, 60_000)).toBe(2); // must not extend the window
      expect(await h.cache.get(k)).toBe("2");
      h.advance(SHORT);
      await eventually(async () => expect(await h.cache.get(k)).toBeNull());
      expect(await h.cache.increment(k, 60_000)).toBe(1);
    });

    it("increments atomically under 100 concurrent calls", async () => {
      const k = key();
      const results = await Promise.all(Array.from({ length: 100 }, () => h.cache.increment(k, 60_000)));
      expect(results.sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      expect(await h.cache.get(k)).toBe("100");
    });

    it("rejects a non-positive TTL as a caller bug", async () => {
      await expect(h.cache.set(key(), "v", 0)).rejects.toBeInstanceOf(RangeError);
      await expect(h.cache.increment(key(), -1)).rejects.toBeInstanceOf(RangeError);
    });

    it("answers ping while reachable", async () => {
      await expect(h.cache.ping()).resolves.toBeUndefined();
    });
  });
}
