import { eq } from "drizzle-orm";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import type { TaxSettingsRepository } from "../../application/ports/tax-settings.repository";
import type { FiscalIdentity } from "../../domain/party.value-objects";
import { taxSettings } from "./tax-settings.table";

export class DrizzleTaxSettingsRepository implements TaxSettingsRepository {
  constructor(private readonly client: DatabaseClient) {}

  async find(organizationId: Uuid): Promise<FiscalIdentity | null> {
    const [row] = await withDatabaseErrors(() =>
      this.client.executor().select().from(taxSettings).where(eq(taxSettings.organizationId, organizationId)).limit(1),
    );
    if (!row) return null;
    const { legalName, taxId, addressLine1: line1, city, postalCode, countryCode } = row;
    return { legalName, taxId, address: { line1, city, postalCode, countryCode } };
  }

  async save(organizationId: Uuid, identity: FiscalIdentity): Promise<void> {
    const values = {
      legalName: identity.legalName,
      taxId: identity.taxId,
      addressLine1: identity.address.line1,
      city: identity.address.city,
      postalCode: identity.address.postalCode,
      countryCode: identity.address.countryCode,
    };
    await withDatabaseErrors(() =>
      this.client
        .executor()
        .insert(taxSettings)
        .values({ organizationId, ...values })
        .onConflictDoUpdate({ target: taxSettings.organizationId, set: values }),
    );
  }
}
