import type { Context, MiddlewareHandler } from "hono";
import type { AuthGuard } from "@/contexts/auth/contracts/auth-guard";
import type { OrganizationDirectory } from "@/contexts/auth/contracts/organization-directory";
import { CreditNoteIssuedV1 } from "@/contexts/tax/contracts/credit-note-issued.event";
import { InvoiceCancelledV1 } from "@/contexts/tax/contracts/invoice-cancelled.event";
import { InvoiceIssuedV1 } from "@/contexts/tax/contracts/invoice-issued.event";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Container, Resolver } from "@/shared/infrastructure/container/container";
import { idempotency } from "@/shared/infrastructure/idempotency/idempotency.middleware";
import {
  type ContextModule,
  type EventSubscription,
  subscription,
} from "@/shared/infrastructure/module/context-module";
import { PlatformTokens as P } from "@/shared/infrastructure/platform.tokens";
import type { ProductionDeps } from "../application/production-deps";
import { AdjustStockUseCase } from "../application/use-cases/adjust-stock.use-case";
import { ChangeOrderStatusUseCase } from "../application/use-cases/change-order-status.use-case";
import { CompleteOrderUseCase } from "../application/use-cases/complete-order.use-case";
import { DefineRecipeUseCase } from "../application/use-cases/define-recipe.use-case";
import { ManageIngredientsUseCase } from "../application/use-cases/manage-ingredients.use-case";
import { ManageProductsUseCase } from "../application/use-cases/manage-products.use-case";
import { PlanOrderUseCase } from "../application/use-cases/plan-order.use-case";
import { ProductionQueriesUseCase } from "../application/use-cases/production-queries.use-case";
import { ReceiveStockUseCase } from "../application/use-cases/receive-stock.use-case";
import { RecordSaleUseCase } from "../application/use-cases/record-sale.use-case";
import { ReturnSaleUseCase } from "../application/use-cases/return-sale.use-case";
import { TraceLotUseCase } from "../application/use-cases/trace-lot.use-case";
import type { ProductCatalog } from "../contracts/product-catalog";
import { DirectoryOrganizationCalendar } from "./adapters/directory.organization-calendar";
import { RepositoryProductCatalog } from "./adapters/repository.product-catalog";
import { buildProductionDeps } from "./build-production-deps";
import { CatalogController } from "./http/catalog.controller";
import { OrdersController } from "./http/orders.controller";
import { productionErrors } from "./http/production.problems";
import { StockController } from "./http/stock.controller";
import { ProductionTokens as T } from "./production.tokens";

/** What production needs from the contexts it depends on (auth's public services, from its contracts). */
export interface ProductionNeeds {
  readonly guard: AuthGuard<MiddlewareHandler, Context>;
  /** Each organization's time zone: expiry, FEFO and production days are its local days. */
  readonly organizationDirectory: OrganizationDirectory;
}

/** Public services (production/contracts) the composition root hands to other contexts. */
export type ProductionModule = ContextModule<{ readonly productCatalog: ProductCatalog }>;

/**
 * Registers production after auth: adapters in one singleton `Deps`, use cases scoped (per request or
 * per delivered event), the consumers of tax's events (exactly once: the dispatcher's inbox), the
 * controllers behind auth's guard and the public product look-up.
 */
export function registerProduction(container: Container, needs: ProductionNeeds): ProductionModule {
  const { guard } = needs;
  container.singleton(T.Deps, (r) =>
    buildProductionDeps(r.resolve(P.Database), r.resolve(P.UnitOfWork), {
      outbox: r.resolve(P.Outbox),
      auditTrail: r.resolve(P.AuditTrail),
      calendar: new DirectoryOrganizationCalendar(needs.organizationDirectory),
      clock: r.resolve(P.Clock),
    }),
  );
  const useCase = <U>(token: (typeof T)[keyof typeof T], UseCase: new (deps: ProductionDeps) => U) =>
    container.scoped(token as never, (r: Resolver) => new UseCase(r.resolve(T.Deps)));
  useCase(T.ManageIngredients, ManageIngredientsUseCase);
  useCase(T.ManageProducts, ManageProductsUseCase);
  useCase(T.DefineRecipe, DefineRecipeUseCase);
  useCase(T.ReceiveStock, ReceiveStockUseCase);
  useCase(T.AdjustStock, AdjustStockUseCase);
  useCase(T.PlanOrder, PlanOrderUseCase);
  useCase(T.ChangeOrderStatus, ChangeOrderStatusUseCase);
  useCase(T.CompleteOrder, CompleteOrderUseCase);
  useCase(T.RecordSale, RecordSaleUseCase);
  useCase(T.ReturnSale, ReturnSaleUseCase);
  useCase(T.TraceLot, TraceLotUseCase);
  useCase(T.Queries, ProductionQueriesUseCase);

  const config = container.resolve(P.Config);
  const logger = container.resolve(P.Logger);
  const keys = idempotency({
    store: container.resolve(P.IdempotencyStore),
    required: false,
    scope: (c) => `production:${guard.organizationCaller(c).organizationId}`,
    ttlSeconds: config.IDEMPOTENCY_TTL_SECONDS,
    onStoreFailure: (error) => logger.warn({ err: error }, "idempotency store failed after the request"),
  });
  return {
    name: "production",
    controllers: [new CatalogController(guard), new StockController(guard, keys), new OrdersController(guard, keys)],
    subscriptions: taxEventSubscriptions(),
    services: { productCatalog: new RepositoryProductCatalog(container.resolve(T.Deps).products) },
    periodicTasks: [],
    problems: productionErrors.table,
  };
}

/** Durable consumer names (they key the inbox): never rename them, or events would apply again. */
function taxEventSubscriptions(): EventSubscription[] {
  const organizationOf = (event: { type: string; id: string; organizationId: Uuid | null }): Uuid => {
    if (!event.organizationId) throw new Error(`${event.type} ${event.id} has no organization`);
    return event.organizationId;
  };
  return [
    subscription("production.sales", InvoiceIssuedV1, async (event, scope) => {
      await scope.resolve(T.RecordSale).execute(organizationOf(event), event.payload);
    }),
    subscription("production.sale-cancellations", InvoiceCancelledV1, async (event, scope) => {
      await scope.resolve(T.ReturnSale).cancelInvoice(organizationOf(event), event.payload);
    }),
    subscription("production.restocks", CreditNoteIssuedV1, async (event, scope) => {
      await scope.resolve(T.ReturnSale).restock(organizationOf(event), event.payload);
    }),
  ];
}
