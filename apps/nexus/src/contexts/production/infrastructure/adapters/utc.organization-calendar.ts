import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { OrganizationCalendar } from "../../application/ports/production-services.port";
import { CalendarDate } from "../../domain/calendar-date.value-object";

/** Days in UTC. Used where no organization directory is available (tests, CLI). */
export class UtcOrganizationCalendar implements OrganizationCalendar {
  async today(_organizationId: Uuid, now: Timestamp): Promise<CalendarDate> {
    return CalendarDate.ofEpochMs(now.epochMs);
  }
}
