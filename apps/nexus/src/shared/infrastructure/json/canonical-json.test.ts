import { describe, expect, it } from "vitest";
import { canonicalJson, toJsonValue } from "./canonical-json";

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: "x" } })).toBe('{"a":{"c":"x","d":[true,null]},"b":1}');
  });

  it("is the same for objects that differ only in key order", () => {
    expect(canonicalJson({ x: 1, y: { p: 2, q: 3 } })).toBe(canonicalJson({ y: { q: 3, p: 2 }, x: 1 }));
  });

  it("escapes strings the JSON way", () => {
    expect(canonicalJson({ 'k"': 'line\nbreak "quoted"' })).toBe('{"k\\"":"line\\nbreak \\"quoted\\""}');
  });
});

describe("toJsonValue", () => {
  it("keeps only what survives a JSON round trip", () => {
    expect(toJsonValue({ at: new Date(Date.UTC(2024, 0, 2)), gone: undefined, n: 1 })).toEqual({
      at: "2024-01-02T00:00:00.000Z",
      n: 1,
    });
  });
});
