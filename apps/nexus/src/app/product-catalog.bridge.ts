import type { ProductCatalog, ProductFacts } from "@/contexts/production/contracts/product-catalog";
import { DrizzleProductRepository } from "@/contexts/production/infrastructure/persistence/drizzle-product.repository";
import { Uuid } from "@/shared/domain/uuid.value-object";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";

/**
 * production's public product look-up, built here until production registers its module and offers it
 * as `production.services.productCatalog` (then this file goes): unknown and foreign ids are absent.
 */
export function productCatalogOf(client: DatabaseClient): ProductCatalog {
  const products = new DrizzleProductRepository(client);
  return {
    async findProducts(organizationId: string, productIds: readonly string[]): Promise<ProductFacts[]> {
      const organization = Uuid.parse(organizationId);
      if (!organization.ok) return [];
      const ids = productIds.flatMap((id) => (Uuid.isValid(id) ? [id] : []));
      const found = await products.findByIds(organization.value, ids);
      return found.map((p) => ({ id: p.id, name: p.props.name, sku: p.props.sku, unit: p.props.unit }));
    },
  };
}
