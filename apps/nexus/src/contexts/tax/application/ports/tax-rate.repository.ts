import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { TaxCode } from "../../domain/tax-code.value-object";
import type { TaxRate } from "../../domain/tax-rate.entity";

/** Where a page of rates (by code, then start date) ends; the HTTP edge encodes it as the cursor. */
export interface RatePosition {
  readonly code: string;
  readonly validFrom: string;
}

export interface RatePage {
  readonly items: readonly TaxRate[];
  readonly next: RatePosition | null;
}

export interface TaxRateRepository {
  /**
   * Serialises rate changes of one code in one organization until the transaction ends, so two
   * concurrent overlapping periods cannot both pass the overlap check.
   */
  lockCode(organizationId: Uuid, code: TaxCode): Promise<void>;
  /** All rates of the organization (optionally of some codes), ordered by code then validFrom. */
  list(organizationId: Uuid, codes?: readonly TaxCode[]): Promise<TaxRate[]>;
  /** As list, a page at a time (keyset on code, validFrom: unique, since one code's periods never overlap). */
  page(
    organizationId: Uuid,
    code: TaxCode | null,
    page: { readonly limit: number; readonly after: RatePosition | null },
  ): Promise<RatePage>;
  add(rate: TaxRate): Promise<void>;
}
