import { describe, expect, it } from "vitest";
import { gcra } from "./gcra";

const policy = { name: "p", limit: 4, windowMs: 1_000 }; // one request per 250 ms, bursts of 4
const T0 = 1_700_000_000_000_000; // µs

describe("gcra", () => {
  it("allows a burst of `limit` requests at once, then denies", () => {
    let tat: number | null = null;
    const remaining: number[] = [];
    for (let i = 0; i < 4; i++) {
      const step = gcra(tat, T0, policy);
      expect(step.decision.allowed).toBe(true);
      remaining.push(step.decision.remaining);
      tat = step.nextTatUs;
    }
    expect(remaining).toEqual([3, 2, 1, 0]);
    const denied = gcra(tat, T0, policy);
    expect(denied).toEqual({
      decision: { allowed: false, limit: 4, remaining: 0, resetMs: 1_000, retryAfterMs: 250 },
      nextTatUs: null,
    });
  });

  it("replenishes one request per emission interval", () => {
    let tat: number | null = null;
    for (let i = 0; i < 4; i++) tat = gcra(tat, T0, policy).nextTatUs;
    expect(gcra(tat, T0 + 249_000, policy).decision.allowed).toBe(false);
    const later = gcra(tat, T0 + 250_000, policy);
    expect(later.decision).toMatchObject({ allowed: true, remaining: 0, resetMs: 1_000 });
  });

  it("forgets a TAT in the past: a quiet client starts with a full quota", () => {
    const step = gcra(T0 - 10_000_000, T0, policy);
    expect(step.decision).toMatchObject({ allowed: true, remaining: 3, resetMs: 250 });
    expect(step.nextTatUs).toBe(T0 + 250_000);
  });

  it("stays exact when the window does not divide by the limit", () => {
    const third = { name: "p", limit: 3, windowMs: 1_000 };
    let tat: number | null = null;
    const allowed: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      const step = gcra(tat, T0, third);
      allowed.push(step.decision.allowed);
      tat = step.nextTatUs ?? tat;
    }
    expect(allowed).toEqual([true, true, true, false]);
  });

  it("rejects a policy it cannot enforce", () => {
    expect(() => gcra(null, T0, { name: "p", limit: 0, windowMs: 1_000 })).toThrow(RangeError);
    expect(() => gcra(null, T0, { name: "p", limit: 1.5, windowMs: 1_000 })).toThrow(RangeError);
    expect(() => gcra(null, T0, { name: "p", limit: 10, windowMs: 0 })).toThrow(RangeError);
  });
});
