import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Organization } from "../../domain/organization.entity";

export interface OrganizationRepository {
  findById(id: Uuid): Promise<Organization | null>;
  /**
   * findById that, inside a unit of work, LOCKS the row (for no key update: memberships referencing
   * it can still be inserted) — serialises the invitations of one organization (quota, one pending
   * per email).
   */
  lockById(id: Uuid): Promise<Organization | null>;
  /** Insert or update. */
  save(organization: Organization): Promise<void>;
}
