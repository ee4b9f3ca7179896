import type { Timestamp } from "@/shared/domain/timestamp.value-object";

/** The only source of "now" in auth use cases, so tests can move time (expiry, grace window). */
export interface Clock {
  now(): Timestamp;
}
