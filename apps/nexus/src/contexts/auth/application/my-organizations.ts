import type { Uuid } from "@/shared/domain/uuid.value-object";
import { type OrganizationView, toOrganizationView } from "./auth.dto";
import type { AuthDeps } from "./auth-deps";

/** The user's organizations with their role in each, in membership order (oldest first). */
export async function loadMyOrganizations(
  deps: Pick<AuthDeps, "memberships" | "organizations">,
  userId: Uuid,
): Promise<OrganizationView[]> {
  const memberships = await deps.memberships.listByUser(userId);
  if (memberships.length === 0) return [];
  const organizations = await deps.organizations.findByIds(memberships.map((m) => m.organizationId));
  const byId = new Map(organizations.map((o) => [o.id, o]));
  return memberships.flatMap((m) => {
    const organization = byId.get(m.organizationId);
    return organization ? [toOrganizationView(organization, m.role)] : [];
  });
}
