import { CalendarDate } from "../domain/calendar-date.value-object";
import type { TaxDeps } from "./tax-deps";

/** The organization's currency and today's date in its time zone ("same day", default issue date). */
export async function organizationToday(
  deps: Pick<TaxDeps, "organizations" | "clock">,
  organizationId: string,
): Promise<{ readonly currency: string; readonly today: CalendarDate }> {
  const profile = await deps.organizations.find(organizationId as never);
  // A verified token names an existing organization: a missing one is a bug or a broken directory.
  if (!profile) throw new Error(`organization ${organizationId} is not in the organization directory`);
  return { currency: profile.currency, today: CalendarDate.ofInstant(deps.clock.now().epochMs, profile.timezone) };
}
