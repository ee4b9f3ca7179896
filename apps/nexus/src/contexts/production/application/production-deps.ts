import type { IngredientRepository, ProductRepository, RecipeRepository } from "./ports/catalog.repositories";
import type { KeyedRequestRepository } from "./ports/keyed-request.repository";
import type { ProductionReadModel } from "./ports/production-read-model.port";
import type {
  Clock,
  OrganizationCalendar,
  ProductionAuditLog,
  ProductionEvents,
  ProductionUnitOfWork,
} from "./ports/production-services.port";
import type { OrderRepository, SaleRepository, StockRepository } from "./ports/stock.repositories";

/** Everything the production use cases depend on; each constructor Picks what it uses. */
export interface ProductionDeps {
  readonly ingredients: IngredientRepository;
  readonly products: ProductRepository;
  readonly recipes: RecipeRepository;
  readonly stock: StockRepository;
  readonly orders: OrderRepository;
  readonly sales: SaleRepository;
  /** Idempotency-Keys of orders, receipts and adjustments, recorded with what they created. */
  readonly keyedRequests: KeyedRequestRepository;
  readonly readModel: ProductionReadModel;
  readonly unitOfWork: ProductionUnitOfWork;
  readonly audit: ProductionAuditLog;
  readonly events: ProductionEvents;
  readonly clock: Clock;
  readonly calendar: OrganizationCalendar;
}
