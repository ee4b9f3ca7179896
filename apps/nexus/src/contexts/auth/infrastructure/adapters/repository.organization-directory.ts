import { Uuid } from "@/shared/domain/uuid.value-object";
import type { OrganizationRepository } from "../../application/ports/organization.repository";
import type { OrganizationDirectory, OrganizationProfile } from "../../contracts/organization-directory";

/** auth's public OrganizationDirectory over its own repository (one primary-key read). */
export class RepositoryOrganizationDirectory implements OrganizationDirectory {
  constructor(private readonly organizations: Pick<OrganizationRepository, "findById">) {}

  async find(organizationId: string): Promise<OrganizationProfile | null> {
    const id = Uuid.parse(organizationId);
    if (!id.ok) return null;
    const organization = await this.organizations.findById(id.value);
    if (!organization) return null;
    const { name, currency, timezone } = organization;
    return { organizationId: organization.id, name, currency, timezone };
  }
}
