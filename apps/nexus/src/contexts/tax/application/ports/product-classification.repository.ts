import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { TaxCode } from "../../domain/tax-code.value-object";

export interface ProductClassification {
  readonly productId: Uuid;
  readonly taxCodes: readonly TaxCode[];
}

export interface ProductClassificationRepository {
  /** The classifications of these products; unclassified ones are absent. */
  findMany(organizationId: Uuid, productIds: readonly Uuid[]): Promise<ProductClassification[]>;
  /** Insert or replace. */
  save(organizationId: Uuid, classification: ProductClassification): Promise<void>;
}
