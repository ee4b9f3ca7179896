import { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Clock } from "../../application/ports/production-services.port";

export class SystemClock implements Clock {
  now(): Timestamp {
    return Timestamp.now();
  }
}
