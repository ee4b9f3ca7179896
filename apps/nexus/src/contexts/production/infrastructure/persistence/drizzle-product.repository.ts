import { and, eq, inArray, ne } from "drizzle-orm";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import type { ProductRepository } from "../../application/ports/catalog.repositories";
import type { Product } from "../../domain/product.entity";
import { products } from "./product.table";
import { productRow, toProduct } from "./production.mappers";

export class DrizzleProductRepository implements ProductRepository {
  constructor(private readonly client: DatabaseClient) {}

  findById(organizationId: Uuid, id: Uuid): Promise<Product | null> {
    return this.one(organizationId, id, false);
  }

  lockById(organizationId: Uuid, id: Uuid): Promise<Product | null> {
    return this.one(organizationId, id, true);
  }

  async findByIds(organizationId: Uuid, ids: readonly Uuid[]): Promise<Product[]> {
    if (ids.length === 0) return [];
    const rows = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select()
        .from(products)
        .where(and(eq(products.organizationId, organizationId), inArray(products.id, [...new Set(ids)]))),
    );
    return rows.map(toProduct);
  }

  async skuTaken(organizationId: Uuid, sku: string, exceptId: Uuid | null): Promise<boolean> {
    const rows = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select({ id: products.id })
        .from(products)
        .where(
          and(
            eq(products.organizationId, organizationId),
            eq(products.sku, sku),
            exceptId ? ne(products.id, exceptId) : undefined,
          ),
        )
        .limit(1),
    );
    return rows.length > 0;
  }

  async save(product: Product): Promise<void> {
    const row = productRow(product);
    const { id: _id, organizationId: _org, createdAt: _created, ...changes } = row;
    await withDatabaseErrors(() =>
      this.client.executor().insert(products).values(row).onConflictDoUpdate({ target: products.id, set: changes }),
    );
  }

  private async one(organizationId: Uuid, id: Uuid, lock: boolean): Promise<Product | null> {
    const query = this.client
      .executor()
      .select()
      .from(products)
      .where(and(eq(products.organizationId, organizationId), eq(products.id, id)));
    const [row] = await withDatabaseErrors(() => (lock ? query.for("update") : query));
    return row ? toProduct(row) : null;
  }
}
