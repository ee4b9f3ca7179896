import { and, eq, inArray } from "drizzle-orm";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import type {
  ProductClassification,
  ProductClassificationRepository,
} from "../../application/ports/product-classification.repository";
import type { TaxCode } from "../../domain/tax-code.value-object";
import { productClassifications } from "./product-classification.table";

export class DrizzleProductClassificationRepository implements ProductClassificationRepository {
  constructor(private readonly client: DatabaseClient) {}

  async findMany(organizationId: Uuid, productIds: readonly Uuid[]): Promise<ProductClassification[]> {
    if (productIds.length === 0) return [];
    const rows = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select({ productId: productClassifications.productId, taxCodes: productClassifications.taxCodes })
        .from(productClassifications)
        .where(
          and(
            eq(productClassifications.organizationId, organizationId),
            inArray(productClassifications.productId, [...new Set(productIds)]),
          ),
        ),
    );
    return rows.map((row) => ({ productId: row.productId, taxCodes: row.taxCodes as TaxCode[] }));
  }

  async save(organizationId: Uuid, classification: ProductClassification): Promise<void> {
    const taxCodes = [...classification.taxCodes];
    await withDatabaseErrors(() =>
      this.client
        .executor()
        .insert(productClassifications)
        .values({ organizationId, productId: classification.productId, taxCodes })
        .onConflictDoUpdate({
          target: [productClassifications.organizationId, productClassifications.productId],
          set: { taxCodes },
        }),
    );
  }
}
