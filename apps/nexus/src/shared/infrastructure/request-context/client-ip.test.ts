import { describe, expect, it } from "vitest";
import { resolveClientIp } from "./client-ip";

describe("resolveClientIp", () => {
  const xff = "1.1.1.1, 2.2.2.2, 3.3.3.3";

  it("uses the socket address when no proxy is trusted, whatever the header says", () => {
    expect(resolveClientIp("10.0.0.5", xff, 0)).toBe("10.0.0.5");
    expect(resolveClientIp("::ffff:10.0.0.5", null, 0)).toBe("10.0.0.5");
    expect(resolveClientIp("::1", null, 0)).toBe("::1");
    expect(resolveClientIp(undefined, null, 0)).toBeNull();
  });

  it("takes the N-th X-Forwarded-For entry from the right for N trusted hops", () => {
    expect(resolveClientIp("10.0.0.5", xff, 1)).toBe("3.3.3.3");
    expect(resolveClientIp("10.0.0.5", xff, 2)).toBe("2.2.2.2");
  });

  it("trusts no entry when there are fewer than the trusted hops, or the entry is not an address", () => {
    expect(resolveClientIp("10.0.0.5", xff, 5)).toBe("10.0.0.5");
    expect(resolveClientIp("10.0.0.5", "1.1.1.1, not-an-ip", 1)).toBe("10.0.0.5");
    expect(resolveClientIp("10.0.0.5", "1.1.1.1, ::ffff:2.2.2.2", 1)).toBe("2.2.2.2");
  });

  it("falls back to the socket when a trusted proxy sent no header", () => {
    expect(resolveClientIp("10.0.0.5", undefined, 1)).toBe("10.0.0.5");
    expect(resolveClientIp("10.0.0.5", " , ", 1)).toBe("10.0.0.5");
  });
});
