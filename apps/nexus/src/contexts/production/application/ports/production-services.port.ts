import type { Result } from "@/shared/domain/result";
import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { GoodsReturnedV1 } from "../../contracts/goods-returned.event";
import type { GoodsShippedV1 } from "../../contracts/goods-shipped.event";
import type { OrderCompletedV1 } from "../../contracts/order-completed.event";
import type { CalendarDate } from "../../domain/calendar-date.value-object";

/**
 * Runs a use case's writes, audit entries and events in one transaction. An error Result rolls
 * everything back (a failed use case changes nothing); a throw does too.
 */
export interface ProductionUnitOfWork {
  run<R extends Result<unknown, unknown>>(work: () => Promise<R>): Promise<R>;
}

export type ProductionAuditAction =
  | "production.ingredient.created"
  | "production.ingredient.updated"
  | "production.product.created"
  | "production.product.updated"
  | "production.recipe.defined"
  | "production.stock.received"
  | "production.stock.adjusted"
  | "production.order.planned"
  | "production.order.started"
  | "production.order.completed"
  | "production.order.cancelled"
  | "production.sale.recorded"
  | "production.sale.reversed"
  | "production.sale.restocked"
  | "production.lot.traced";

export interface ProductionAuditEntry {
  readonly action: ProductionAuditAction;
  readonly organizationId: Uuid;
  readonly resourceType: string;
  readonly resourceId: string;
  readonly metadata?: Record<string, unknown>;
  /** Event-driven writes have no user: they are recorded as the system. */
  readonly system?: boolean;
}

/** A write the use case refused: audited with outcome "failure" and the error code. */
export interface ProductionRefusal {
  readonly action: ProductionAuditAction;
  readonly organizationId: Uuid;
  readonly resourceType: string;
  /** Absent when the refused write would have created the resource. */
  readonly resourceId?: string;
  readonly reason: string;
}

export interface ProductionAuditLog {
  /** Joins the current unit of work. The actor is the request's verified caller. */
  record(entry: ProductionAuditEntry): Promise<void>;
  /** Commits on its own: call after the use case's transaction rolled back, never inside one. */
  recordRefusal(refusal: ProductionRefusal): Promise<void>;
}

/** Integration events, written to the outbox inside the current unit of work. */
export interface ProductionEvents {
  orderCompleted(organizationId: Uuid, payload: OrderCompletedV1): Promise<void>;
  goodsShipped(organizationId: Uuid, payload: GoodsShippedV1): Promise<void>;
  goodsReturned(organizationId: Uuid, payload: GoodsReturnedV1): Promise<void>;
}

export interface Clock {
  now(): Timestamp;
}

/**
 * The organization's calendar: days as its time zone has them (auth's directory). Expiry, FEFO, a
 * product lot's production day and date filters work in these local days.
 */
export interface OrganizationCalendar {
  /** The day it is in the organization at `now`. */
  today(organizationId: Uuid, now: Timestamp): Promise<CalendarDate>;
  /** The first instant (epoch ms) of `date` in the organization. */
  startOfDay(organizationId: Uuid, date: CalendarDate): Promise<number>;
}
