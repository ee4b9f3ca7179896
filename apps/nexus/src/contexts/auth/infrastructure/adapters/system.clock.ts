import { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Clock } from "../../application/ports/clock.port";

/** The wall clock of this process. */
export class SystemClock implements Clock {
  now(): Timestamp {
    return Timestamp.now();
  }
}
