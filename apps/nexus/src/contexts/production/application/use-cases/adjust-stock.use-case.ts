import { err, ok, type Result } from "@/shared/domain/result";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { adjustLot } from "../../domain/stock-keeping.service";
import { ADJUSTMENT_REASONS, type AdjustmentReason } from "../../domain/stock-movement.value-object";
import { InputParser } from "../input-parsing";
import { type LotBelowZero, type NotFound, notFound, type ValidationFailed } from "../production.errors";
import { type LotView, lotView, type MovementView, movementView } from "../production.views";
import type { ProductionDeps } from "../production-deps";
import { auditRefusal } from "../refusal-audit";

export interface AdjustStockInput {
  readonly organizationId: Uuid;
  readonly lotId: Uuid;
  readonly quantity: string;
  readonly reason: string;
  readonly note?: string | null;
}

type Deps = Pick<ProductionDeps, "stock" | "unitOfWork" | "audit" | "clock" | "calendar">;

/** `POST /production/stock/adjustments`: a signed correction of one lot, never below zero. */
export class AdjustStockUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(
    input: AdjustStockInput,
  ): Promise<Result<{ lot: LotView; movement: MovementView }, ValidationFailed | NotFound | LotBelowZero>> {
    const subject = {
      action: "production.stock.adjusted",
      organizationId: input.organizationId,
      resourceType: "lot",
    } as const;
    return auditRefusal(this.deps.audit, { ...subject, resourceId: input.lotId }, await this.adjust(input));
  }

  private async adjust(
    input: AdjustStockInput,
  ): Promise<Result<{ lot: LotView; movement: MovementView }, ValidationFailed | NotFound | LotBelowZero>> {
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

    return this.deps.unitOfWork.run(async () => {
      const { organizationId, lotId } = input;
      const found = await this.deps.stock.findLot(organizationId, lotId);
      if (!found) return err(notFound("lot"));
      const items = await this.deps.stock.lockItems(organizationId, [
        { itemId: found.itemId, itemKind: found.toProps().itemKind },
      ]);
      const [lot] = await this.deps.stock.lockLots(organizationId, [lotId]);
      const item = items.get(found.itemId);
      if (!lot || !item) return err(notFound("lot"));
      const now = this.deps.clock.now();
      const adjusted = adjustLot({ item, lot }, change, input.reason as AdjustmentReason, note, Uuid.generate(), now);
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
}
