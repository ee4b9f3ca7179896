import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Organization } from "../../domain/organization.entity";

export interface OrganizationRepository {
  findById(id: Uuid): Promise<Organization | null>;
  /** Insert or update. */
  save(organization: Organization): Promise<void>;
}
