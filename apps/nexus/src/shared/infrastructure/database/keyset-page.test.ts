import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keysetPage } from "./keyset-page";

describe("keysetPage", () => {
  it("keeps limit rows and points the cursor at the last one kept when the extra row came back", () => {
    expect(keysetPage([1, 2, 3], 2, (n) => `after-${n}`)).toEqual({ items: [1, 2], nextCursor: "after-2" });
  });

  it("has no next page when limit or fewer rows came back", () => {
    expect(keysetPage([1, 2], 2, (n) => `after-${n}`)).toEqual({ items: [1, 2], nextCursor: null });
    expect(keysetPage([], 2, (n) => `after-${n}`)).toEqual({ items: [], nextCursor: null });
  });

  it("returns the cursor as the list builds it (a position, not only a string)", () => {
    const rows = [
      { code: "A", at: "2026-01-01" },
      { code: "B", at: "2026-02-01" },
    ];
    expect(keysetPage(rows, 1, (r) => ({ code: r.code })).nextCursor).toEqual({ code: "A" });
  });

  it("never returns more than limit items, and a cursor exactly when more rows came back", () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 30 }), fc.integer({ min: 1, max: 25 }), (rows, limit) => {
        const page = keysetPage(rows, limit, (n) => n);
        expect(page.items.length).toBeLessThanOrEqual(limit);
        expect(page.items).toEqual(rows.slice(0, limit));
        expect(page.nextCursor !== null).toBe(rows.length > limit);
        if (page.nextCursor !== null) expect(page.nextCursor).toBe(page.items.at(-1));
      }),
    );
  });
});
