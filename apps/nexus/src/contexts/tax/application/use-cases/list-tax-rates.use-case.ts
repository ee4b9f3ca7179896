import { err, ok, type Result } from "@/shared/domain/result";
import { TaxCode } from "../../domain/tax-code.value-object";
import type { TaxRate } from "../../domain/tax-rate.entity";
import { invalid, type ListError } from "../tax.errors";
import type { TaxActor, TaxDeps } from "../tax-deps";

/** GET /tax/rates: every rate of the organization (a handful per code), ordered by code and start. */
export class ListTaxRatesUseCase {
  constructor(private readonly deps: Pick<TaxDeps, "rates">) {}

  async execute(input: { readonly actor: TaxActor; readonly code?: string }): Promise<Result<TaxRate[], ListError>> {
    if (input.code === undefined) return ok(await this.deps.rates.list(input.actor.organizationId));
    const code = TaxCode.parse(input.code);
    if (!code.ok) return err(invalid("code", code.error.message));
    return ok(await this.deps.rates.list(input.actor.organizationId, [code.value]));
  }
}
