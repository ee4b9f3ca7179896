import { describe, expect, it } from "vitest";
import { fingerprintBody } from "./request-fingerprint";

describe("fingerprintBody", () => {
  it("ignores key order and whitespace of JSON bodies", () => {
    expect(fingerprintBody('{"b":1,"a":{"y":[1,2],"x":null}}')).toBe(
      fingerprintBody(' { "a" : { "x": null, "y": [1, 2] }, "b": 1 } '),
    );
  });

  it("distinguishes different values, array orders and types", () => {
    const base = fingerprintBody('{"a":[1,2]}');
    expect(fingerprintBody('{"a":[2,1]}')).not.toBe(base);
    expect(fingerprintBody('{"a":["1",2]}')).not.toBe(base);
    expect(fingerprintBody('{"a":[1,2],"b":null}')).not.toBe(base);
  });

  it("hashes non-JSON bodies as sent and treats blank bodies alike", () => {
    expect(fingerprintBody("a=1&b=2")).not.toBe(fingerprintBody("b=2&a=1"));
    expect(fingerprintBody("")).toBe(fingerprintBody("  "));
    expect(fingerprintBody("")).toMatch(/^[0-9a-f]{64}$/);
  });
});
