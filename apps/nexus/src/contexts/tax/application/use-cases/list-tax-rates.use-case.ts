import { err, ok, type Result } from "@/shared/domain/result";
import { TaxCode } from "../../domain/tax-code.value-object";
import type { RatePage, RatePosition } from "../ports/tax-rate.repository";
import { invalid, type ListError } from "../tax.errors";
import type { TaxActor, TaxDeps } from "../tax-deps";

export interface ListTaxRatesInput {
  readonly actor: TaxActor;
  readonly code?: string;
  readonly page: { readonly limit: number; readonly after: RatePosition | null };
}

/** GET /tax/rates: the organization's rates (optionally of one code), by code and start, a page at a time. */
export class ListTaxRatesUseCase {
  constructor(private readonly deps: Pick<TaxDeps, "rates">) {}

  async execute(input: ListTaxRatesInput): Promise<Result<RatePage, ListError>> {
    const { organizationId } = input.actor;
    if (input.code === undefined) return ok(await this.deps.rates.page(organizationId, null, input.page));
    const code = TaxCode.parse(input.code);
    if (!code.ok) return err(invalid("code", code.error.message));
    return ok(await this.deps.rates.page(organizationId, code.value, input.page));
  }
}
