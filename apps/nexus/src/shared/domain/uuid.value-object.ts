import { type DomainError, err, ok, type Result } from "./result";

/** A UUIDv7 string (RFC 9562). Branded so an arbitrary string cannot pass for an id. */
export type Uuid = string & { readonly __brand: "Uuid" };

export type InvalidUuid = DomainError<"invalid-uuid">;

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// Monotonic state: within one millisecond the 12-bit rand_a field works as a counter
// (RFC 9562 §6.2, method 1), so ids generated in one process sort in creation order.
let lastMs = -1;
let counter = 0;

function nextTimestampAndCounter(now: number): [number, number] {
  if (now > lastMs) {
    lastMs = now;
    counter = randomInt12() & 0x7ff; // leave headroom so the counter rarely overflows
  } else if (counter < 0xfff) {
    counter += 1;
  } else {
    lastMs += 1; // counter exhausted: borrow the next millisecond rather than lose order
    counter = 0;
  }
  return [lastMs, counter];
}

function randomInt12(): number {
  const bytes = new Uint8Array(2);
  crypto.getRandomValues(bytes);
  return (((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0)) & 0xfff;
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, "0");

export const Uuid = {
  generate(now: number = Date.now()): Uuid {
    const [ms, seq] = nextTimestampAndCounter(now);
    const tail = new Uint8Array(8);
    crypto.getRandomValues(tail);
    tail[0] = ((tail[0] ?? 0) & 0x3f) | 0x80; // variant 10xx
    const tailHex = Array.from(tail, (b) => hex(b, 2)).join("");
    const msHex = hex(ms, 12);
    return `${msHex.slice(0, 8)}-${msHex.slice(8, 12)}-7${hex(seq, 3)}-${tailHex.slice(0, 4)}-${tailHex.slice(4)}` as Uuid;
  },

  parse(value: string): Result<Uuid, InvalidUuid> {
    const normalized = value.toLowerCase();
    if (!UUID_V7.test(normalized)) {
      return err({ code: "invalid-uuid", message: `"${value.slice(0, 64)}" is not a UUIDv7` });
    }
    return ok(normalized as Uuid);
  },

  isValid(value: string): value is Uuid {
    return UUID_V7.test(value);
  },

  /** Milliseconds since the epoch encoded in the id. */
  timestampOf(id: Uuid): number {
    return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
  },
};
