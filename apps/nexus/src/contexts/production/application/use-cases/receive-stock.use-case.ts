import { err, ok, type Result } from "@/shared/domain/result";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { Lot } from "../../domain/lot.entity";
import { receiveLot } from "../../domain/stock-keeping.service";
import { InputParser } from "../input-parsing";
import { type NotFound, notFound, type ValidationFailed } from "../production.errors";
import { type LotView, lotView, type MovementView, movementView } from "../production.views";
import type { ProductionDeps } from "../production-deps";
import { auditRefusal } from "../refusal-audit";

export interface ReceiveStockInput {
  readonly organizationId: Uuid;
  readonly ingredientId: Uuid;
  readonly quantity: string;
  readonly totalCost: number;
  readonly lotCode: string;
  readonly expiresOn?: string | null;
  readonly receivedAt?: string | null;
}

type Deps = Pick<ProductionDeps, "ingredients" | "stock" | "unitOfWork" | "audit" | "clock" | "calendar">;

/** `POST /production/stock/receipts`: a new ingredient lot and its receipt movement. */
export class ReceiveStockUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(
    input: ReceiveStockInput,
  ): Promise<Result<{ lot: LotView; movement: MovementView }, ValidationFailed | NotFound>> {
    const subject = {
      action: "production.stock.received",
      organizationId: input.organizationId,
      resourceType: "lot",
    } as const;
    return auditRefusal(this.deps.audit, subject, await this.receive(input));
  }

  private async receive(
    input: ReceiveStockInput,
  ): Promise<Result<{ lot: LotView; movement: MovementView }, ValidationFailed | NotFound>> {
    const parse = new InputParser();
    const quantity = parse.quantity(input.quantity, "/quantity");
    const totalCost = parse.money(input.totalCost, "/totalCost");
    const expiresOn = parse.optionalDate(input.expiresOn, "/expiresOn");
    let receivedAt = this.deps.clock.now();
    if (input.receivedAt) {
      const at = Timestamp.parse(input.receivedAt);
      if (at.ok) receivedAt = at.value;
      else parse.errors.push({ pointer: "/receivedAt", message: at.error.message });
    }
    const parsed = parse.result(null);
    if (!parsed.ok) return parsed;

    return this.deps.unitOfWork.run(async () => {
      const { organizationId, ingredientId } = input;
      const ingredient = await this.deps.ingredients.findById(organizationId, ingredientId);
      if (!ingredient) return err(notFound("ingredient"));
      const lot = Lot.receive({
        organizationId,
        ingredientId,
        code: input.lotCode,
        quantity,
        totalCost,
        expiresOn,
        receivedAt,
        supplier: ingredient.props.supplier,
      });
      if (!lot.ok) return lot;
      const items = await this.deps.stock.lockItems(organizationId, [{ itemId: ingredientId, itemKind: "ingredient" }]);
      const item = items.get(ingredientId);
      if (!item) throw new Error("lockItems returned no row for the ingredient");
      const movement = receiveLot(item, lot.value, this.deps.clock.now());
      await this.deps.stock.insertLot(lot.value);
      await this.deps.stock.saveItems([item]);
      await this.deps.stock.append([movement]);
      const today = await this.deps.calendar.today(organizationId, this.deps.clock.now());
      const view = { lot: lotView(lot.value, lot.value.statusOn(today)), movement: movementView(movement) };
      await this.deps.audit.record({
        action: "production.stock.received",
        organizationId,
        resourceType: "lot",
        resourceId: lot.value.id,
        metadata: {
          ingredientId,
          lotCode: view.lot.code,
          quantity: view.lot.quantity,
          totalCost: view.lot.totalCost,
          expiresOn: view.lot.expiresOn,
        },
      });
      return ok(view);
    });
  }
}
