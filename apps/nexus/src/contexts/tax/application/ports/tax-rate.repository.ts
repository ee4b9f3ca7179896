import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { TaxCode } from "../../domain/tax-code.value-object";
import type { TaxRate } from "../../domain/tax-rate.entity";

export interface TaxRateRepository {
  /**
   * Serialises rate changes of one code in one organization until the transaction ends, so two
   * concurrent overlapping periods cannot both pass the overlap check.
   */
  lockCode(organizationId: Uuid, code: TaxCode): Promise<void>;
  /** All rates of the organization (optionally of some codes), ordered by code then validFrom. */
  list(organizationId: Uuid, codes?: readonly TaxCode[]): Promise<TaxRate[]>;
  add(rate: TaxRate): Promise<void>;
}
