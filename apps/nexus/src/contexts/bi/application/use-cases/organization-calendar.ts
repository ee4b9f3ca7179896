import { LocalDate } from "../../domain/local-date.value-object";
import type { BiDeps } from "../bi-deps";

export interface OrganizationCalendar {
  readonly timezone: string;
  /** Null until BI has seen the organization's settings. */
  readonly currency: string | null;
  readonly today: LocalDate;
}

/** The organization's time zone and currency as BI knows them (UTC and unknown before its first event). */
export async function organizationCalendar(
  deps: Pick<BiDeps, "reader" | "clock">,
  organizationId: string,
): Promise<OrganizationCalendar> {
  const org = await deps.reader.organization(organizationId);
  const timezone = org?.timezone ?? "UTC";
  return { timezone, currency: org?.currency ?? null, today: LocalDate.ofInstant(deps.clock.now(), timezone) };
}
