import { describe, expect, it } from "vitest";
import { continueTrace, formatTraceparent, parseTraceparent } from "./trace-context";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const SPAN = "00f067aa0ba902b7";

describe("W3C traceparent", () => {
  it("parses a valid version-00 header", () => {
    expect(parseTraceparent(`00-${TRACE}-${SPAN}-01`)).toEqual({ traceId: TRACE, spanId: SPAN, flags: "01" });
  });

  it("reads the known fields of a future version and ignores what follows", () => {
    expect(parseTraceparent(`01-${TRACE}-${SPAN}-00-extra`)?.traceId).toBe(TRACE);
  });

  it.each([
    undefined,
    "",
    `00-${TRACE}-${SPAN}-01-extra`,
    `ff-${TRACE}-${SPAN}-01`,
    `00-${"0".repeat(32)}-${SPAN}-01`,
    `00-${TRACE}-${"0".repeat(16)}-01`,
    `00-${TRACE.slice(1)}-${SPAN}-01`,
    `00-${TRACE.toUpperCase()}-${SPAN}-01`,
  ])("rejects %s", (header) => {
    expect(parseTraceparent(header)).toBeUndefined();
  });

  it("continues the caller's trace with a new span, or starts a new trace", () => {
    const continued = continueTrace({ traceId: TRACE, spanId: SPAN, flags: "00" });
    expect(continued.traceId).toBe(TRACE);
    expect(continued.spanId).not.toBe(SPAN);
    expect(formatTraceparent(continued)).toMatch(new RegExp(`^00-${TRACE}-[0-9a-f]{16}-00$`));

    const fresh = continueTrace(undefined);
    expect(fresh.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(parseTraceparent(formatTraceparent(fresh))).toEqual(fresh);
  });
});
