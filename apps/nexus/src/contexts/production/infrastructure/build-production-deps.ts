import type { AuditTrail } from "@/shared/infrastructure/audit/audit-trail";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import type { UnitOfWork } from "@/shared/infrastructure/database/unit-of-work";
import { OutboxWriter } from "@/shared/infrastructure/events/outbox-writer";
import type { Clock, OrganizationCalendar } from "../application/ports/production-services.port";
import type { ProductionDeps } from "../application/production-deps";
import { DrizzleProductionUnitOfWork } from "./adapters/drizzle.production-unit-of-work";
import { OutboxProductionEvents } from "./adapters/outbox.production-events";
import { PlatformProductionAuditLog } from "./adapters/platform.production-audit-log";
import { SystemClock } from "./adapters/system.clock";
import { UtcOrganizationCalendar } from "./adapters/utc.organization-calendar";
import { DrizzleIngredientRepository } from "./persistence/drizzle-ingredient.repository";
import { DrizzleKeyedRequestRepository } from "./persistence/drizzle-keyed-request.repository";
import { DrizzleOrderRepository } from "./persistence/drizzle-order.repository";
import { DrizzleProductRepository } from "./persistence/drizzle-product.repository";
import { DrizzleProductionReadModel } from "./persistence/drizzle-production.read-model";
import { DrizzleRecipeRepository } from "./persistence/drizzle-recipe.repository";
import { DrizzleSaleRepository } from "./persistence/drizzle-sale.repository";
import { DrizzleStockRepository } from "./persistence/drizzle-stock.repository";

export interface ProductionDepsOptions {
  readonly clock?: Clock;
  readonly calendar?: OrganizationCalendar;
  readonly outbox?: OutboxWriter;
  /** The platform's (keyed) audit trail; tests build one with their own key. */
  readonly auditTrail: AuditTrail;
}

/** Production's adapters over one database client and unit of work (the app's, or a test database's). */
export function buildProductionDeps(
  client: DatabaseClient,
  unitOfWork: UnitOfWork,
  options: ProductionDepsOptions,
): ProductionDeps {
  return {
    ingredients: new DrizzleIngredientRepository(client),
    products: new DrizzleProductRepository(client),
    recipes: new DrizzleRecipeRepository(client),
    stock: new DrizzleStockRepository(client),
    orders: new DrizzleOrderRepository(client),
    sales: new DrizzleSaleRepository(client),
    keyedRequests: new DrizzleKeyedRequestRepository(client),
    readModel: new DrizzleProductionReadModel(client),
    unitOfWork: new DrizzleProductionUnitOfWork(unitOfWork),
    audit: new PlatformProductionAuditLog(options.auditTrail, client),
    events: new OutboxProductionEvents(options.outbox ?? new OutboxWriter(client)),
    clock: options.clock ?? new SystemClock(),
    calendar: options.calendar ?? new UtcOrganizationCalendar(),
  };
}
