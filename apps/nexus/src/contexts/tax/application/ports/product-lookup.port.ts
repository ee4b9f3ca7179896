import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { ProductSnapshot } from "../../domain/invoice-line.value-object";

/**
 * Products of an organization by id, from production's public service. Unknown ids and other
 * organizations' products are absent from the answer.
 */
export interface ProductLookup {
  find(organizationId: Uuid, productIds: readonly Uuid[]): Promise<ProductSnapshot[]>;
}
