import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { OrganizationCalendar } from "../../application/ports/production-services.port";
import { CalendarDate } from "../../domain/calendar-date.value-object";

/** Days in UTC, for every organization: where no organization directory is at hand (use-case tests). */
export class UtcOrganizationCalendar implements OrganizationCalendar {
  async today(_organizationId: Uuid, now: Timestamp): Promise<CalendarDate> {
    return CalendarDate.ofEpochMs(now.epochMs);
  }

  async startOfDay(_organizationId: Uuid, date: CalendarDate): Promise<number> {
    return Date.parse(`${date}T00:00:00Z`);
  }
}
