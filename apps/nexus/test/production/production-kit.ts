import { eq } from "drizzle-orm";
import { afterEach, beforeEach } from "vitest";
import type { Clock, OrganizationCalendar } from "@/contexts/production/application/ports/production-services.port";
import type { ProductionDeps } from "@/contexts/production/application/production-deps";
import { AdjustStockUseCase } from "@/contexts/production/application/use-cases/adjust-stock.use-case";
import { ChangeOrderStatusUseCase } from "@/contexts/production/application/use-cases/change-order-status.use-case";
import { CompleteOrderUseCase } from "@/contexts/production/application/use-cases/complete-order.use-case";
import { DefineRecipeUseCase } from "@/contexts/production/application/use-cases/define-recipe.use-case";
import { ManageIngredientsUseCase } from "@/contexts/production/application/use-cases/manage-ingredients.use-case";
import { ManageProductsUseCase } from "@/contexts/production/application/use-cases/manage-products.use-case";
import { PlanOrderUseCase } from "@/contexts/production/application/use-cases/plan-order.use-case";
import { ProductionQueriesUseCase } from "@/contexts/production/application/use-cases/production-queries.use-case";
import { ReceiveStockUseCase } from "@/contexts/production/application/use-cases/receive-stock.use-case";
import { RecordSaleUseCase } from "@/contexts/production/application/use-cases/record-sale.use-case";
import { ReturnSaleUseCase } from "@/contexts/production/application/use-cases/return-sale.use-case";
import { TraceLotUseCase } from "@/contexts/production/application/use-cases/trace-lot.use-case";
import { buildProductionDeps } from "@/contexts/production/infrastructure/build-production-deps";
import type { InvoiceIssuedV1 } from "@/contexts/tax/contracts/invoice-issued.event";
import { unwrap } from "@/shared/domain/result";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { AuditTrail } from "@/shared/infrastructure/audit/audit-trail";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { outboxEvents } from "@/shared/infrastructure/events/outbox-event.table";
import { testAuditKeys } from "../support/test-audit-keys";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(public current: Timestamp = Timestamp.fromMillis(Date.UTC(2026, 0, 10, 9))) {}
  now(): Timestamp {
    return this.current;
  }
}

/**
 * Production's use cases over real repositories on a fresh (cloned) database. Days are UTC days unless
 * `calendar` builds another (e.g. auth's directory on the same database).
 */
export async function createProductionKit(
  options: { calendar?: (client: DatabaseClient) => OrganizationCalendar } = {},
) {
  const database: TestDatabase = await createTestDatabase();
  const clock = new ManualClock();
  const calendar = options.calendar?.(database.client);
  const deps: ProductionDeps = buildProductionDeps(database.client, database.uow, {
    clock,
    auditTrail: new AuditTrail(database.client, testAuditKeys),
    ...(calendar ? { calendar } : {}),
  });
  return {
    database,
    clock,
    deps,
    organizationId: Uuid.generate(),
    ingredients: new ManageIngredientsUseCase(deps),
    products: new ManageProductsUseCase(deps),
    recipes: new DefineRecipeUseCase(deps),
    receive: new ReceiveStockUseCase(deps),
    adjust: new AdjustStockUseCase(deps),
    plan: new PlanOrderUseCase(deps),
    status: new ChangeOrderStatusUseCase(deps),
    complete: new CompleteOrderUseCase(deps),
    sales: new RecordSaleUseCase(deps),
    returns: new ReturnSaleUseCase(deps),
    trace: new TraceLotUseCase(deps),
    queries: new ProductionQueriesUseCase(deps),
    async published(type: string) {
      const rows = await database.client.db.select().from(outboxEvents).where(eq(outboxEvents.type, type));
      return rows.map((r) => r.payload as Record<string, unknown>);
    },
    dispose: () => database.dispose(),
  };
}

export type ProductionKit = Awaited<ReturnType<typeof createProductionKit>>;

/** A fresh kit with the bakery below for every test of the calling file, disposed after each. */
export function freshBakeryPerTest(): { readonly kit: ProductionKit; readonly ids: Bakery } {
  const current = {} as { kit: ProductionKit; ids: Bakery };
  beforeEach(async () => {
    current.kit = await createProductionKit();
    current.ids = await bakery(current.kit);
  });
  afterEach(() => current.kit?.dispose());
  return current;
}

export type Bakery = Awaited<ReturnType<typeof bakery>>;

/** Flour (gluten) and butter (milk), a croissant with its recipe (12 from 1 kg flour, 0.25 kg butter). */
export async function bakery(kit: ProductionKit, organizationId: Uuid = kit.organizationId) {
  const flour = unwrap(
    await kit.ingredients.create(organizationId, {
      name: "Flour T65",
      unit: "kg",
      allergens: ["gluten"],
      supplier: "Moagem",
    }),
  );
  const butter = unwrap(
    await kit.ingredients.create(organizationId, {
      name: "Butter",
      unit: "kg",
      allergens: ["milk"],
      reorderLevel: "10",
    }),
  );
  const croissant = unwrap(
    await kit.products.create(organizationId, { name: "Croissant", sku: "CRO-1", unit: "unit", shelfLifeDays: 2 }),
  );
  unwrap(
    await kit.recipes.execute({
      organizationId,
      productId: croissant.id as Uuid,
      yieldQuantity: "12",
      items: [
        { ingredientId: flour.id, quantity: "1" },
        { ingredientId: butter.id, quantity: "0.25" },
      ],
    }),
  );
  return { flour: flour.id as Uuid, butter: butter.id as Uuid, croissant: croissant.id as Uuid };
}

export async function receive(
  kit: ProductionKit,
  ingredientId: Uuid,
  quantity: string,
  totalCost: number,
  expiresOn: string | null,
  organizationId: Uuid = kit.organizationId,
) {
  const received = unwrap(
    await kit.receive.execute({
      organizationId,
      ingredientId,
      quantity,
      totalCost,
      lotCode: `L-${quantity}-${totalCost}`,
      expiresOn,
    }),
  );
  return received.lot.id as Uuid;
}

/** Plans, starts and completes an order; returns the completion's Result. */
export async function produce(
  kit: ProductionKit,
  productId: Uuid,
  quantity: string,
  organizationId = kit.organizationId,
) {
  const order = unwrap(await kit.plan.execute({ organizationId, productId, quantity, plannedFor: "2026-01-10" }));
  unwrap(await kit.status.start(organizationId, order.id as Uuid));
  return {
    orderId: order.id as Uuid,
    completion: await kit.complete.execute({ organizationId, orderId: order.id as Uuid, producedQuantity: quantity }),
  };
}

/** `tax.invoice.issued.v1` for one line of a product at 150 each. */
export function invoiceOf(
  productId: Uuid,
  quantity: string,
  invoiceId: Uuid = Uuid.generate(),
  number = `2026-${Math.floor(Math.random() * 1e6)}`,
): InvoiceIssuedV1 {
  return {
    invoiceId,
    number,
    issueDate: "2026-01-10",
    currency: "EUR",
    customer: { name: "Café Central", taxId: null },
    lines: [
      {
        lineNumber: 1,
        productId,
        productName: "Croissant",
        sku: "CRO-1",
        unit: "unit",
        quantity,
        unitPrice: 150,
        net: 150 * Number(quantity),
        tax: 0,
        taxes: [],
      },
    ],
    totals: { net: 150 * Number(quantity), tax: 0, gross: 150 * Number(quantity) },
  };
}
