import type { ProductCatalog } from "@/contexts/production/contracts/product-catalog";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { ProductLookup } from "../../application/ports/product-lookup.port";
import type { ProductSnapshot } from "../../domain/invoice-line.value-object";

/** Snapshots production's product facts (name, SKU, unit) for invoice lines. */
export class CatalogProductLookup implements ProductLookup {
  constructor(private readonly catalog: ProductCatalog) {}

  async find(organizationId: Uuid, productIds: readonly Uuid[]): Promise<ProductSnapshot[]> {
    if (productIds.length === 0) return [];
    const products = await this.catalog.findProducts(organizationId, productIds);
    return products.map((p) => ({ productId: p.id as Uuid, productName: p.name, sku: p.sku, unit: p.unit }));
  }
}
