import { Timestamp } from "@/shared/domain/timestamp.value-object";

/**
 * The platform clock: the wall clock of this process. Each context's application declares its own
 * `Clock` port (`now(): Timestamp`) and this satisfies it structurally; tests use a manual clock.
 */
export interface Clock {
  now(): Timestamp;
}

export class SystemClock implements Clock {
  now(): Timestamp {
    return Timestamp.now();
  }
}
