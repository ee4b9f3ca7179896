import { randomUUID } from "node:crypto";
import { ManageProductsUseCase } from "@/contexts/production/application/use-cases/manage-products.use-case";
import { buildProductionDeps } from "@/contexts/production/infrastructure/build-production-deps";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { AuditTrail } from "@/shared/infrastructure/audit/audit-trail";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { DrizzleUnitOfWork } from "@/shared/infrastructure/database/unit-of-work";
import { testAuditKeys } from "../../support/test-audit-keys";

/**
 * Creates production products through production's own use case (the tax tests need products that
 * production's public service knows), on the database the app under test uses.
 */
export function productionProducts(client: DatabaseClient) {
  const products = new ManageProductsUseCase(
    buildProductionDeps(client, new DrizzleUnitOfWork(client), {
      auditTrail: new AuditTrail(client, testAuditKeys),
    }),
  );
  return async (organizationId: string, name: string, unit = "unit"): Promise<string> => {
    const sku = `${name.slice(0, 3).toUpperCase()}-${randomUUID().slice(0, 8)}`;
    const created = await products.create(organizationId as Uuid, { name, sku, unit });
    if (!created.ok) throw new Error(`product not created: ${created.error.code}`);
    return created.value.id;
  };
}
