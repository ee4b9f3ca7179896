import type { Uuid } from "@/shared/domain/uuid.value-object";
import { type OrganizationView, toOrganizationView } from "./auth.dto";
import type { AuthDeps } from "./auth-deps";

/** The user's organizations with their role in each, in membership order (oldest first). */
export async function loadMyOrganizations(
  deps: Pick<AuthDeps, "memberships">,
  userId: Uuid,
): Promise<OrganizationView[]> {
  const mine = await deps.memberships.listOrganizationsOfUser(userId);
  return mine.map(({ organization, role }) => toOrganizationView(organization, role));
}
