import { err, ok, type Result } from "@/shared/domain/result";
import { FiscalIdentity } from "../../domain/party.value-objects";
import { fromDomain, type PutTaxSettingsError } from "../tax.errors";
import type { TaxActor, TaxDeps } from "../tax-deps";
import { auditFailure } from "../write-audit";

export interface PutTaxSettingsInput {
  readonly actor: TaxActor;
  readonly identity: FiscalIdentity;
}

/** PUT /tax/settings: sets the organization's fiscal identity (the seller on later documents). */
export class PutTaxSettingsUseCase {
  constructor(private readonly deps: Pick<TaxDeps, "settings" | "audit" | "unitOfWork">) {}

  async execute({ actor, identity }: PutTaxSettingsInput): Promise<Result<FiscalIdentity, PutTaxSettingsError>> {
    const subject = {
      organizationId: actor.organizationId,
      action: "tax.settings.updated",
      resourceType: "tax-settings",
      resourceId: actor.organizationId,
    };
    const parsed = FiscalIdentity.create(identity);
    if (!parsed.ok) return auditFailure(this.deps.audit, subject, err(fromDomain(parsed.error)));
    return this.deps.unitOfWork.transaction(async () => {
      await this.deps.settings.save(actor.organizationId, parsed.value);
      await this.deps.audit.record({
        ...subject,
        outcome: "success",
        metadata: { countryCode: parsed.value.address.countryCode },
      });
      return ok(parsed.value);
    });
  }
}
