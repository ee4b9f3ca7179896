import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Organization } from "../../domain/organization.entity";

export interface OrganizationRepository {
  findById(id: Uuid): Promise<Organization | null>;
  /** Missing ids are simply absent from the answer; order is not significant. */
  findByIds(ids: readonly Uuid[]): Promise<Organization[]>;
  /** Insert or update. */
  save(organization: Organization): Promise<void>;
}
