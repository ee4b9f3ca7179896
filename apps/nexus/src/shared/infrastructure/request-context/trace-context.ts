/** A W3C Trace Context (https://www.w3.org/TR/trace-context/) position: which trace, which span. */
export interface TraceContext {
  readonly traceId: string;
  readonly spanId: string;
  readonly flags: string;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ZERO_TRACE = "0".repeat(32);
const ZERO_SPAN = "0".repeat(16);

/** Parses an incoming `traceparent`; anything invalid yields undefined (the spec says: start a new trace). */
export function parseTraceparent(header: string | null | undefined): TraceContext | undefined {
  if (!header) return undefined;
  const match = TRACEPARENT.exec(header.trim());
  if (!match) return undefined;
  const [, version, traceId, spanId, flags, rest] = match;
  if (!version || !traceId || !spanId || !flags) return undefined;
  if (version === "ff" || traceId === ZERO_TRACE || spanId === ZERO_SPAN) return undefined;
  // Version 00 has exactly four fields; later versions may append more and stay readable.
  if (version === "00" && rest !== undefined) return undefined;
  return { traceId, spanId, flags };
}

/** Continues the incoming trace with a new span of ours, or starts a fresh sampled trace. */
export function continueTrace(incoming: TraceContext | undefined): TraceContext {
  return {
    traceId: incoming?.traceId ?? nonZeroHex(16),
    spanId: nonZeroHex(8),
    flags: incoming?.flags ?? "01",
  };
}

export function formatTraceparent(trace: TraceContext): string {
  return `00-${trace.traceId}-${trace.spanId}-${trace.flags}`;
}

// Ids come from a pooled CSPRNG buffer: one getRandomValues per 256 ids instead of one per id.
const pool = new Uint8Array(4096);
let poolOffset = pool.length;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function nonZeroHex(bytes: number): string {
  for (;;) {
    if (poolOffset + bytes > pool.length) {
      crypto.getRandomValues(pool);
      poolOffset = 0;
    }
    let hex = "";
    let nonZero = false;
    for (let i = 0; i < bytes; i++) {
      const byte = pool[poolOffset++] ?? 0;
      nonZero ||= byte !== 0;
      hex += HEX[byte];
    }
    if (nonZero) return hex;
  }
}
