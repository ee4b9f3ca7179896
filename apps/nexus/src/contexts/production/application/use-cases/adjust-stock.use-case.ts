import { err, ok, type Result } from "@/shared/domain/result";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { adjustLot } from "../../domain/stock-keeping.service";
import { ADJUSTMENT_REASONS, type AdjustmentReason } from "../../domain/stock-movement.value-object";
import { InputParser } from "../input-parsing";
import type { KeyedRequest } from "../keyed-request";
import { keyedWrite } from "../keyed-writes";
import {
  type IdempotencyKeyReused,
  type LotBelowZero,
  type NotFound,
  notFound,
  type ValidationFailed,
} from "../production.errors";
import { type LotView, lotView, type MovementView, movementView } from "../production.views";
import type { ProductionDeps } from "../production-deps";
import { auditRefusal } from "../refusal-audit";

export interface AdjustStockInput {
  readonly organizationId: Uuid;
  readonly lotId: Uuid;
  readonly quantity: string;
  readonly reason: string;
  readonly note?: string | null;
  /** The Idempotency-Key, if sent: a retry gets the adjustment its key made, and stock moves once. */
  readonly request?: KeyedRequest | null;
}

type Adjusted = { lot: LotView; movement: MovementView };
type AdjustStockError = ValidationFailed | NotFound | LotBelowZero | IdempotencyKeyReused;

type Deps = Pick<ProductionDeps, "stock" | "keyedRequests" | "unitOfWork" | "audit" | "clock" | "calendar">;

/** `POST /production/stock/adjustments`: a signed correction of one lot, never below zero. */
export class AdjustStockUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: AdjustStockInput): Promise<Result<Adjusted, AdjustStockError>> {
    const subject = {
      action: "production.stock.adjusted",
      organizationId: input.organizationId,
      resourceType: "lot",
    } as const;
    return auditRefusal(this.deps.audit, { ...subject, resourceId: input.lotId }, await this.adjust(input));
  }

  private async adjust(input: AdjustStockInput): Promise<Result<Adjusted, AdjustStockError>> {
    const { organizationId, lotId } = input;
    const keyed = keyedWrite(
      this.deps.keyedRequests,
      { organizationId, operation: "adjustment", request: input.request },
      (adjustmentId: Uuid) => this.load(organizationId, adjustmentId),
    );
    // Before validating: a retry is answered even if the lot has been used up since.
    const earlier = await keyed.recorded();
    if (earlier) return earlier;
    const parse = new InputParser();
    const change = parse.quantity(input.quantity, "/quantity");
    if (change.isZero()) parse.errors.push({ pointer: "/quantity", message: "must not be zero" });
    if (!(ADJUSTMENT_REASONS as readonly string[]).includes(input.reason)) {
      parse.errors.push({ pointer: "/reason", message: `must be one of ${ADJUSTMENT_REASONS.join(", ")}` });
    }
    const note = input.note?.trim() || null;
    if (note !== null && note.length > 500) parse.errors.push({ pointer: "/note", message: "at most 500 characters" });
    const parsed = parse.result(null);
    if (!parsed.ok) return parsed;

    return this.deps.unitOfWork.run(async (): Promise<Result<Adjusted, AdjustStockError>> => {
      const adjustmentId = Uuid.generate();
      // First, before any lock: a twin holding this key is waited for here, holding nothing itself.
      const twin = await keyed.claim(adjustmentId);
      if (twin) return twin;
      const found = await this.deps.stock.findLot(organizationId, lotId);
      if (!found) return err(notFound("lot"));
      const items = await this.deps.stock.lockItems(organizationId, [
        { itemId: found.itemId, itemKind: found.toProps().itemKind },
      ]);
      const [lot] = await this.deps.stock.lockLots(organizationId, [lotId]);
      const item = items.get(found.itemId);
      if (!lot || !item) return err(notFound("lot"));
      const now = this.deps.clock.now();
      const adjusted = adjustLot({ item, lot }, change, input.reason as AdjustmentReason, note, adjustmentId, now);
      if (!adjusted.ok) return adjusted;
      await this.deps.stock.updateLots([lot]);
      await this.deps.stock.saveItems([item]);
      await this.deps.stock.append([adjusted.value]);
      const today = await this.deps.calendar.today(organizationId, now);
      const view = { lot: lotView(lot, lot.statusOn(today)), movement: movementView(adjusted.value) };
      await this.deps.audit.record({
        action: "production.stock.adjusted",
        organizationId,
        resourceType: "lot",
        resourceId: lotId,
        metadata: { quantity: view.movement.quantity, value: view.movement.value, reason: input.reason, note },
      });
      return ok(view);
    });
  }

  /** An adjustment's movement (its document id is the adjustment's) and its lot as it is now. */
  private async load(organizationId: Uuid, adjustmentId: Uuid): Promise<Adjusted | null> {
    const [movement] = await this.deps.stock.movementsOf(organizationId, { type: "adjustment", id: adjustmentId });
    const lot = movement?.lotId ? await this.deps.stock.findLot(organizationId, movement.lotId) : null;
    if (!movement || !lot) return null;
    const today = await this.deps.calendar.today(organizationId, this.deps.clock.now());
    return { lot: lotView(lot, lot.statusOn(today)), movement: movementView(movement) };
  }
}
