import type { Money, Quantity } from "@/shared/domain/exact-arithmetic";
import { type DomainError, err, ok, type Result } from "@/shared/domain/result";
import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import type { CalendarDate } from "./calendar-date.value-object";
import { positive } from "./item-fields";
import { type FieldError, invalid, type ValidationFailed } from "./production.errors";

export const ORDER_STATUSES = ["planned", "in_progress", "completed", "cancelled"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export type IllegalTransition = DomainError<"illegal-transition"> & {
  readonly from: OrderStatus;
  readonly to: OrderStatus;
};

export interface ProductionOrderProps {
  readonly id: Uuid;
  readonly organizationId: Uuid;
  readonly productId: Uuid;
  /** The recipe version the order was planned with: completion consumes exactly that one. */
  readonly recipeId: Uuid;
  readonly recipeVersion: number;
  readonly quantity: Quantity;
  readonly plannedFor: CalendarDate;
  readonly status: OrderStatus;
  readonly producedQuantity: Quantity | null;
  /** The sum of its consumptions; the product lot is valued at exactly this. */
  readonly cost: Money | null;
  readonly productLotId: Uuid | null;
  readonly createdAt: Timestamp;
  readonly startedAt: Timestamp | null;
  readonly completedAt: Timestamp | null;
  readonly cancelledAt: Timestamp | null;
}

// The state machine of spec §5: planned → in_progress → completed, planned|in_progress → cancelled.
const ALLOWED: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  planned: ["in_progress", "cancelled"],
  in_progress: ["completed", "cancelled"],
  completed: [],
  cancelled: [],
};

export class ProductionOrder {
  private constructor(private props: ProductionOrderProps) {}

  static plan(input: {
    organizationId: Uuid;
    productId: Uuid;
    recipeId: Uuid;
    recipeVersion: number;
    quantity: Quantity;
    plannedFor: CalendarDate;
    now: Timestamp;
  }): Result<ProductionOrder, ValidationFailed> {
    const errors: FieldError[] = [];
    positive(input.quantity, "/quantity", errors);
    if (errors.length > 0) return err(invalid(errors));
    const { now, ...rest } = input;
    return ok(
      new ProductionOrder({
        ...rest,
        id: Uuid.generate(now.epochMs),
        status: "planned",
        producedQuantity: null,
        cost: null,
        productLotId: null,
        createdAt: now,
        startedAt: null,
        completedAt: null,
        cancelledAt: null,
      }),
    );
  }

  static restore(props: ProductionOrderProps): ProductionOrder {
    return new ProductionOrder(props);
  }

  static canTransition(from: OrderStatus, to: OrderStatus): boolean {
    return ALLOWED[from].includes(to);
  }

  get id(): Uuid {
    return this.props.id;
  }
  get status(): OrderStatus {
    return this.props.status;
  }
  toProps(): ProductionOrderProps {
    return this.props;
  }

  start(now: Timestamp): Result<void, IllegalTransition> {
    const allowed = this.guard("in_progress");
    if (!allowed.ok) return allowed;
    this.props = { ...this.props, status: "in_progress", startedAt: now };
    return ok(undefined);
  }

  /** Checks the transition before any stock is touched: a completed or planned order changes nothing. */
  checkCanComplete(): Result<void, IllegalTransition> {
    return this.guard("completed");
  }

  complete(input: { producedQuantity: Quantity; cost: Money; productLotId: Uuid; now: Timestamp }) {
    const allowed = this.guard("completed");
    if (!allowed.ok) return allowed;
    this.props = {
      ...this.props,
      status: "completed",
      producedQuantity: input.producedQuantity,
      cost: input.cost,
      productLotId: input.productLotId,
      completedAt: input.now,
    };
    return ok(undefined);
  }

  cancel(now: Timestamp): Result<void, IllegalTransition> {
    const allowed = this.guard("cancelled");
    if (!allowed.ok) return allowed;
    this.props = { ...this.props, status: "cancelled", cancelledAt: now };
    return ok(undefined);
  }

  private guard(to: OrderStatus): Result<void, IllegalTransition> {
    const from = this.props.status;
    if (ProductionOrder.canTransition(from, to)) return ok(undefined);
    return err({ code: "illegal-transition", message: `an order that is ${from} cannot become ${to}`, from, to });
  }
}
