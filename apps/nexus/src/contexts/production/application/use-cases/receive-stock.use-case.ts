import { err, ok, type Result } from "@/shared/domain/result";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { Lot } from "../../domain/lot.entity";
import { receiveLot } from "../../domain/stock-keeping.service";
import { InputParser } from "../input-parsing";
import type { KeyedRequest } from "../keyed-request";
import { keyedWrite } from "../keyed-writes";
import { type IdempotencyKeyReused, type NotFound, notFound, type ValidationFailed } from "../production.errors";
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
  /** The Idempotency-Key, if sent: a retry gets the lot its key received, and stock moves once. */
  readonly request?: KeyedRequest | null;
}

type Received = { lot: LotView; movement: MovementView };
type ReceiveStockError = ValidationFailed | NotFound | IdempotencyKeyReused;

type Deps = Pick<
  ProductionDeps,
  "ingredients" | "stock" | "keyedRequests" | "unitOfWork" | "audit" | "clock" | "calendar"
>;

/** `POST /production/stock/receipts`: a new ingredient lot and its receipt movement. */
export class ReceiveStockUseCase {
  constructor(private readonly deps: Deps) {}

  async execute(input: ReceiveStockInput): Promise<Result<Received, ReceiveStockError>> {
    const subject = {
      action: "production.stock.received",
      organizationId: input.organizationId,
      resourceType: "lot",
    } as const;
    return auditRefusal(this.deps.audit, subject, await this.receive(input));
  }

  private async receive(input: ReceiveStockInput): Promise<Result<Received, ReceiveStockError>> {
    const { organizationId, ingredientId } = input;
    const keyed = keyedWrite(
      this.deps.keyedRequests,
      { organizationId, operation: "receipt", request: input.request },
      (lotId: Uuid) => this.load(organizationId, lotId),
    );
    const earlier = await keyed.recorded();
    if (earlier) return earlier;
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

    return this.deps.unitOfWork.run(async (): Promise<Result<Received, ReceiveStockError>> => {
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
      const twin = await keyed.claim(lot.value.id);
      if (twin) return twin;
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

  /** A received lot as it is now, with its receipt movement (the document id of a receipt is its lot's). */
  private async load(organizationId: Uuid, lotId: Uuid): Promise<Received | null> {
    const [lot, [movement]] = await Promise.all([
      this.deps.stock.findLot(organizationId, lotId),
      this.deps.stock.movementsOf(organizationId, { type: "receipt", id: lotId }),
    ]);
    if (!lot || !movement) return null;
    const today = await this.deps.calendar.today(organizationId, this.deps.clock.now());
    return { lot: lotView(lot, lot.statusOn(today)), movement: movementView(movement) };
  }
}
