/** A product as other contexts see it (tax snapshots these on invoice lines). */
export interface ProductFacts {
  readonly id: string;
  readonly name: string;
  readonly sku: string;
  readonly unit: string;
}

/**
 * production's public service: look up an organization's products by ids. Unknown ids and other
 * organizations' products are simply absent from the answer.
 */
export interface ProductCatalog {
  findProducts(organizationId: string, productIds: readonly string[]): Promise<ProductFacts[]>;
}
