import type { OrganizationDirectory } from "@/contexts/auth/contracts/organization-directory";
import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { OrganizationCalendar } from "../../application/ports/production-services.port";
import type { CalendarDate } from "../../domain/calendar-date.value-object";
import { dayIn, isKnownZone, startOfDayIn } from "./zoned-day";

/**
 * Days as the organization lives them: its IANA time zone from auth's OrganizationDirectory (one
 * primary-key read per use case, so an owner's change of time zone applies to the next request). An
 * organization the directory does not know, or a zone the runtime does not, counts in UTC — auth
 * validates the zone when it is set, so that is a fallback, not a path.
 */
export class DirectoryOrganizationCalendar implements OrganizationCalendar {
  constructor(private readonly directory: OrganizationDirectory) {}

  async today(organizationId: Uuid, now: Timestamp): Promise<CalendarDate> {
    return dayIn(await this.zoneOf(organizationId), now.epochMs);
  }

  async startOfDay(organizationId: Uuid, date: CalendarDate): Promise<number> {
    return startOfDayIn(await this.zoneOf(organizationId), date);
  }

  private async zoneOf(organizationId: Uuid): Promise<string> {
    const zone = (await this.directory.find(organizationId))?.timezone ?? "UTC";
    return isKnownZone(zone) ? zone : "UTC";
  }
}
