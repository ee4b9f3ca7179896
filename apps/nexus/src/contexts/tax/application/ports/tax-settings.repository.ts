import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { FiscalIdentity } from "../../domain/party.value-objects";

/** The organization's fiscal identity (one per organization). */
export interface TaxSettingsRepository {
  find(organizationId: Uuid): Promise<FiscalIdentity | null>;
  /** Insert or replace. */
  save(organizationId: Uuid, identity: FiscalIdentity): Promise<void>;
}
