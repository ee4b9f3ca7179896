import { Uuid } from "@/shared/domain/uuid.value-object";
import type { ProductRepository } from "../../application/ports/catalog.repositories";
import type { ProductCatalog, ProductFacts } from "../../contracts/product-catalog";

/** production's public product look-up (for tax): another organization's or a malformed id is simply absent. */
export class RepositoryProductCatalog implements ProductCatalog {
  constructor(private readonly products: ProductRepository) {}

  async findProducts(organizationId: string, productIds: readonly string[]): Promise<ProductFacts[]> {
    const organization = Uuid.parse(organizationId);
    if (!organization.ok) return [];
    const ids = productIds.flatMap((id) => {
      const parsed = Uuid.parse(id);
      return parsed.ok ? [parsed.value] : [];
    });
    const found = await this.products.findByIds(organization.value, ids);
    return found.map((p) => ({ id: p.id, name: p.props.name, sku: p.props.sku, unit: p.props.unit }));
  }
}
