import { err, ok, type Result } from "@/shared/domain/result";
import type { FiscalIdentity } from "../../domain/party.value-objects";
import { notFound, type ReadError } from "../tax.errors";
import type { TaxActor, TaxDeps } from "../tax-deps";

/** GET /tax/settings. */
export class GetTaxSettingsUseCase {
  constructor(private readonly deps: Pick<TaxDeps, "settings">) {}

  async execute({ actor }: { readonly actor: TaxActor }): Promise<Result<FiscalIdentity, ReadError>> {
    const identity = await this.deps.settings.find(actor.organizationId);
    return identity ? ok(identity) : err(notFound("fiscal identity"));
  }
}
