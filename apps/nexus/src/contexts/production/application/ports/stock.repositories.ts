import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { ItemKind, Lot } from "../../domain/lot.entity";
import type { ProductionOrder } from "../../domain/production-order.entity";
import type { StockItem } from "../../domain/stock-item.entity";
import type { Returned } from "../../domain/stock-keeping.service";
import type { DocumentRef, StockMovement } from "../../domain/stock-movement.value-object";

export interface ItemRef {
  readonly itemId: Uuid;
  readonly itemKind: ItemKind;
}

/**
 * Stock items, lots and the ledger. Writers lock in one order everywhere — the order row (if any),
 * then `lockItems` (all the items at once, by id), then their lots by id — so two transactions
 * racing for the same lots wait for each other instead of deadlocking or overdrawing.
 */
export interface StockRepository {
  /** Creates missing stock rows, then locks them all (FOR UPDATE, ordered by item id). */
  lockItems(organizationId: Uuid, items: readonly ItemRef[]): Promise<Map<Uuid, StockItem>>;
  /** Locks every lot with stock of these items (FOR UPDATE, ordered by lot id). Call after lockItems. */
  lockLotsOf(organizationId: Uuid, itemIds: readonly Uuid[]): Promise<Lot[]>;
  /** Locks the given lots (by id order); absent ids are skipped. Call after lockItems. */
  lockLots(organizationId: Uuid, lotIds: readonly Uuid[]): Promise<Lot[]>;
  findLot(organizationId: Uuid, lotId: Uuid): Promise<Lot | null>;
  /** The newest lot of an item (any state): its unit cost is the fallback for valuing a shortfall. */
  newestLot(organizationId: Uuid, itemId: Uuid): Promise<Lot | null>;
  /** Whether the item ever had a lot (its unit then stays fixed). */
  hasLots(organizationId: Uuid, itemId: Uuid): Promise<boolean>;
  insertLot(lot: Lot): Promise<void>;
  /** Writes remaining quantities and values of changed lots. */
  updateLots(lots: readonly Lot[]): Promise<void>;
  saveItems(items: readonly StockItem[]): Promise<void>;
  append(movements: readonly StockMovement[]): Promise<void>;
  movementsOf(organizationId: Uuid, document: Pick<DocumentRef, "type" | "id">): Promise<StockMovement[]>;
  /** What reversals already brought back, per reversed movement id. */
  returnedFor(organizationId: Uuid, movementIds: readonly Uuid[]): Promise<Map<Uuid, Returned>>;
}

export interface OrderRepository {
  findById(organizationId: Uuid, id: Uuid): Promise<ProductionOrder | null>;
  /** FOR UPDATE: the first lock a transition takes. */
  lockById(organizationId: Uuid, id: Uuid): Promise<ProductionOrder | null>;
  save(order: ProductionOrder): Promise<void>;
}

export interface SaleRecord {
  readonly invoiceId: Uuid;
  readonly organizationId: Uuid;
  readonly number: string;
  readonly issueDate: string;
  readonly customerName: string;
  readonly customerTaxId: string | null;
  readonly cancelled: boolean;
}

export interface SaleRepository {
  /** FOR UPDATE, so a cancellation and a credit note of one invoice apply one after the other. */
  lock(organizationId: Uuid, invoiceId: Uuid): Promise<SaleRecord | null>;
  insert(sale: SaleRecord): Promise<void>;
  markCancelled(organizationId: Uuid, invoiceId: Uuid): Promise<void>;
}
