import type { DomainError, Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Allergen } from "../../domain/allergen.value-object";
import type { CalendarDate } from "../../domain/calendar-date.value-object";
import type { Ingredient } from "../../domain/ingredient.entity";
import type { Lot, LotStatus } from "../../domain/lot.entity";
import type { Product } from "../../domain/product.entity";
import type { OrderStatus, ProductionOrder } from "../../domain/production-order.entity";
import type { StockMovement } from "../../domain/stock-movement.value-object";

export interface PageRequest {
  readonly limit: number;
  readonly cursor: string | null;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

export type InvalidCursor = DomainError<"invalid-cursor">;
export type Paged<T> = Promise<Result<Page<T>, InvalidCursor>>;

export interface LotFilter {
  readonly itemId: Uuid | null;
  readonly status: LotStatus | null;
  readonly expiringBefore: CalendarDate | null;
  /** The organization's today: what "expired" means. */
  readonly today: CalendarDate;
}

export interface MovementFilter {
  readonly itemId: Uuid | null;
  /** Inclusive lower and exclusive upper bound on `occurredAt` (epoch ms). */
  readonly fromMs: number | null;
  readonly toMs: number | null;
}

/** One row of `GET /production/stock`. */
export interface StockLevel {
  readonly itemId: Uuid;
  readonly itemKind: "ingredient" | "product";
  readonly name: string;
  readonly sku: string | null;
  readonly unit: string;
  readonly quantity: string;
  readonly value: number;
  /** value / quantity in minor units per unit (display only); null when nothing is on hand. */
  readonly averageUnitCost: string | null;
  readonly reorderLevel: string | null;
  readonly belowReorderLevel: boolean;
  readonly nearestExpiry: string | null;
  /** Sold beyond what was on hand (unallocated), valued at average cost. */
  readonly shortfallQuantity: string;
  readonly shortfallValue: number;
  readonly hasShortfall: boolean;
}

export interface LotTrace {
  readonly lot: {
    readonly id: Uuid;
    readonly code: string;
    readonly itemKind: "ingredient" | "product";
    readonly itemId: Uuid;
    readonly itemName: string;
    readonly supplier: string | null;
    readonly quantity: string;
    readonly expiresOn: string | null;
    readonly receivedAt: string;
    /** Product lots: the order that made it. */
    readonly orderId: Uuid | null;
    readonly allergens: readonly Allergen[];
  };
  /** Ingredient lot, forward: orders that consumed it and the product lots they made. */
  readonly usedIn: readonly {
    readonly orderId: Uuid;
    readonly productId: Uuid;
    readonly productName: string;
    readonly quantity: string;
    readonly cost: number;
    readonly completedAt: string | null;
    readonly productLot: { readonly id: Uuid; readonly code: string; readonly expiresOn: string | null } | null;
  }[];
  /** Product lot, backward: every ingredient lot its order consumed. */
  readonly consumed: readonly {
    readonly lotId: Uuid;
    readonly code: string;
    readonly ingredientId: Uuid;
    readonly ingredientName: string;
    readonly supplier: string | null;
    readonly quantity: string;
    readonly cost: number;
    readonly expiresOn: string | null;
  }[];
  /** Invoices that shipped the product lot(s), net of returns. */
  readonly shipments: readonly {
    readonly invoiceId: Uuid;
    readonly number: string;
    readonly issueDate: string;
    readonly customer: string;
    readonly productLotId: Uuid;
    readonly productLotCode: string;
    readonly quantity: string;
    readonly cancelled: boolean;
  }[];
}

/** An item whose ledger disagrees with its stock (stock-verify). */
export interface StockDiscrepancy {
  readonly organizationId: Uuid;
  readonly itemId: Uuid;
  readonly itemKind: string;
  readonly detail: string;
}

/** The read side: lists and reports straight from the tables, no business decisions. */
export interface ProductionReadModel {
  listIngredients(organizationId: Uuid, page: PageRequest): Paged<Ingredient>;
  listProducts(organizationId: Uuid, page: PageRequest): Paged<Product>;
  /** Each product's allergens: the union over its current recipe's ingredients. */
  productAllergens(organizationId: Uuid, productIds: readonly Uuid[]): Promise<Map<Uuid, Allergen[]>>;
  currentRecipeVersions(organizationId: Uuid, productIds: readonly Uuid[]): Promise<Map<Uuid, number>>;
  listLots(organizationId: Uuid, filter: LotFilter, page: PageRequest): Paged<Lot>;
  listStock(organizationId: Uuid, today: CalendarDate, page: PageRequest): Paged<StockLevel>;
  listMovements(organizationId: Uuid, filter: MovementFilter, page: PageRequest): Paged<StockMovement>;
  listOrders(organizationId: Uuid, status: OrderStatus | null, page: PageRequest): Paged<ProductionOrder>;
  traceLot(organizationId: Uuid, lotId: Uuid): Promise<LotTrace | null>;
  /** Every organization: sums of movements vs stock rows and lots. */
  verifyStock(): Promise<{ checkedItems: number; discrepancies: StockDiscrepancy[] }>;
}
