import { err, ok, type Result } from "@/shared/domain/result";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { CalendarDate } from "../../domain/calendar-date.value-object";
import { checkNoOverlap } from "../../domain/rate-schedule.rule";
import { TaxCode } from "../../domain/tax-code.value-object";
import { TaxRate } from "../../domain/tax-rate.entity";
import { type CreateTaxRateError, fromDomain, invalid } from "../tax.errors";
import type { TaxActor, TaxDeps } from "../tax-deps";
import { auditFailure } from "../write-audit";

export interface CreateTaxRateInput {
  readonly actor: TaxActor;
  readonly code: string;
  readonly name: string;
  readonly rateBasisPoints: number;
  readonly validFrom: string;
  readonly validTo?: string | null;
}

/** POST /tax/rates: a rate of a code for a period that overlaps no other period of that code. */
export class CreateTaxRateUseCase {
  constructor(private readonly deps: Pick<TaxDeps, "rates" | "audit" | "unitOfWork">) {}

  async execute(input: CreateTaxRateInput): Promise<Result<TaxRate, CreateTaxRateError>> {
    const id = Uuid.generate();
    const subject = {
      organizationId: input.actor.organizationId,
      action: "tax.rate.created",
      resourceType: "tax-rate",
    };
    const rate = parseRate(input, id);
    if (!rate.ok) return auditFailure(this.deps.audit, { ...subject, resourceId: null }, rate);
    const result = await this.deps.unitOfWork.transaction(async (): Promise<Result<TaxRate, CreateTaxRateError>> => {
      const { organizationId } = input.actor;
      await this.deps.rates.lockCode(organizationId, rate.value.code);
      const existing = await this.deps.rates.list(organizationId, [rate.value.code]);
      const checked = checkNoOverlap(existing, rate.value);
      if (!checked.ok) return checked;
      await this.deps.rates.add(rate.value);
      await this.deps.audit.record({
        ...subject,
        resourceId: id,
        outcome: "success",
        metadata: { code: rate.value.code, rateBasisPoints: rate.value.rateBasisPoints },
      });
      return ok(rate.value);
    });
    return auditFailure(this.deps.audit, { ...subject, resourceId: null }, result);
  }
}

function parseRate(input: CreateTaxRateInput, id: Uuid): Result<TaxRate, CreateTaxRateError> {
  const code = TaxCode.parse(input.code);
  if (!code.ok) return err(invalid("code", code.error.message));
  const validFrom = CalendarDate.parse(input.validFrom);
  if (!validFrom.ok) return err(invalid("validFrom", validFrom.error.message));
  const validTo = input.validTo == null ? null : CalendarDate.parse(input.validTo);
  if (validTo && !validTo.ok) return err(invalid("validTo", validTo.error.message));
  const rate = TaxRate.create({
    id,
    organizationId: input.actor.organizationId,
    code: code.value,
    name: input.name,
    rateBasisPoints: input.rateBasisPoints,
    validFrom: validFrom.value,
    validTo: validTo ? validTo.value : null,
  });
  return rate.ok ? rate : err(fromDomain(rate.error));
}
