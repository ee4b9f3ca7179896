import type { ProductLookup } from "@/contexts/tax/application/ports/product-lookup.port";
import type { OrganizationProfiles } from "@/contexts/tax/application/ports/tax-services.port";
import type { TaxActor, TaxDeps } from "@/contexts/tax/application/tax-deps";
import type { ProductSnapshot } from "@/contexts/tax/domain/invoice-line.value-object";
import { OutboxTaxEvents } from "@/contexts/tax/infrastructure/adapters/outbox.tax-events";
import { PlatformTaxAuditLog } from "@/contexts/tax/infrastructure/adapters/platform.tax-audit-log";
import { DrizzleCreditNoteRepository } from "@/contexts/tax/infrastructure/persistence/drizzle-credit-note.repository";
import { DrizzleDocumentNumbering } from "@/contexts/tax/infrastructure/persistence/drizzle-document-numbering";
import { DrizzleInvoiceRepository } from "@/contexts/tax/infrastructure/persistence/drizzle-invoice.repository";
import { DrizzleIssueRequestRepository } from "@/contexts/tax/infrastructure/persistence/drizzle-issue-request.repository";
import { DrizzleProductClassificationRepository } from "@/contexts/tax/infrastructure/persistence/drizzle-product-classification.repository";
import { DrizzleTaxRateRepository } from "@/contexts/tax/infrastructure/persistence/drizzle-tax-rate.repository";
import { DrizzleTaxSettingsRepository } from "@/contexts/tax/infrastructure/persistence/drizzle-tax-settings.repository";
import { SqlLiabilityReportQuery } from "@/contexts/tax/infrastructure/persistence/sql-liability-report.query";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { AuditTrail } from "@/shared/infrastructure/audit/audit-trail";
import { OutboxWriter } from "@/shared/infrastructure/events/outbox-writer";
import { testAuditKeys } from "../../support/test-audit-keys";
import type { TestDatabase } from "../../support/test-database";

/** Another context's public services and the clock are the only fakes; the repositories are real. */
export class FakeProducts implements ProductLookup {
  readonly byOrg = new Map<string, ProductSnapshot[]>();

  add(organizationId: Uuid, name = "Rye bread", unit = "unit"): ProductSnapshot {
    const product = {
      productId: Uuid.generate(),
      productName: name,
      sku: `SKU-${name.length}-${Math.random().toString(36).slice(2, 7)}`,
      unit,
    };
    this.byOrg.set(organizationId, [...(this.byOrg.get(organizationId) ?? []), product]);
    return product;
  }

  async find(organizationId: Uuid, ids: readonly Uuid[]): Promise<ProductSnapshot[]> {
    return (this.byOrg.get(organizationId) ?? []).filter((p) => ids.includes(p.productId));
  }
}

export class FakeOrganizations implements OrganizationProfiles {
  readonly profiles = new Map<string, { currency: string; timezone: string }>();

  async find(organizationId: Uuid) {
    return this.profiles.get(organizationId) ?? null;
  }
}

export class MovableClock {
  constructor(public instant: Timestamp = Timestamp.fromMillis(Date.UTC(2026, 11, 2, 10))) {}

  now(): Timestamp {
    return this.instant;
  }

  set(iso: string): void {
    this.instant = Timestamp.fromMillis(Date.parse(iso));
  }
}

export interface TaxTestKit {
  readonly deps: TaxDeps;
  readonly products: FakeProducts;
  readonly organizations: FakeOrganizations;
  readonly clock: MovableClock;
  /** A new organization (EUR, Europe/Berlin) and an operator acting in it. */
  newActor(currency?: string, timezone?: string): TaxActor;
}

export function createTaxTestKit(db: TestDatabase): TaxTestKit {
  const products = new FakeProducts();
  const organizations = new FakeOrganizations();
  const clock = new MovableClock();
  const { client, uow } = db;
  const deps: TaxDeps = {
    settings: new DrizzleTaxSettingsRepository(client),
    rates: new DrizzleTaxRateRepository(client),
    classifications: new DrizzleProductClassificationRepository(client),
    numbering: new DrizzleDocumentNumbering(client),
    invoices: new DrizzleInvoiceRepository(client),
    creditNotes: new DrizzleCreditNoteRepository(client),
    issueRequests: new DrizzleIssueRequestRepository(client),
    liability: new SqlLiabilityReportQuery(client),
    products,
    organizations,
    events: new OutboxTaxEvents(new OutboxWriter(client)),
    audit: new PlatformTaxAuditLog(new AuditTrail(client, testAuditKeys)),
    unitOfWork: uow,
    clock,
  };
  return {
    deps,
    products,
    organizations,
    clock,
    newActor(currency = "EUR", timezone = "Europe/Berlin") {
      const organizationId = Uuid.generate();
      organizations.profiles.set(organizationId, { currency, timezone });
      return { userId: Uuid.generate(), organizationId };
    },
  };
}
