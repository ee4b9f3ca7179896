import type { Context, MiddlewareHandler } from "hono";
import type { AuthGuard } from "@/contexts/auth/contracts/auth-guard";
import type { OrganizationDirectory } from "@/contexts/auth/contracts/organization-directory";
import type { ProductCatalog } from "@/contexts/production/contracts/product-catalog";
import type { Container, Resolver } from "@/shared/infrastructure/container/container";
import { idempotency } from "@/shared/infrastructure/idempotency/idempotency.middleware";
import type { ContextModule } from "@/shared/infrastructure/module/context-module";
import { PlatformTokens as P } from "@/shared/infrastructure/platform.tokens";
import type { TaxDeps } from "../application/tax-deps";
import { CatalogProductLookup } from "./adapters/catalog.product-lookup";
import { OutboxTaxEvents } from "./adapters/outbox.tax-events";
import { PlatformTaxAuditLog } from "./adapters/platform.tax-audit-log";
import { CreditNotesController } from "./http/credit-notes.controller";
import { InvoicesController } from "./http/invoices.controller";
import { taxErrors } from "./http/tax.problems";
import { TaxSettingsController } from "./http/tax-settings.controller";
import { DrizzleCreditNoteRepository } from "./persistence/drizzle-credit-note.repository";
import { DrizzleDocumentNumbering } from "./persistence/drizzle-document-numbering";
import { DrizzleInvoiceRepository } from "./persistence/drizzle-invoice.repository";
import { DrizzleIssueRequestRepository } from "./persistence/drizzle-issue-request.repository";
import { DrizzleProductClassificationRepository } from "./persistence/drizzle-product-classification.repository";
import { DrizzleTaxRateRepository } from "./persistence/drizzle-tax-rate.repository";
import { DrizzleTaxSettingsRepository } from "./persistence/drizzle-tax-settings.repository";
import { SqlLiabilityReportQuery } from "./persistence/sql-liability-report.query";
import { TaxTokens as T } from "./tax.tokens";

/** What tax needs from the contexts it depends on (their public services, from their contracts). */
export interface TaxNeeds {
  readonly guard: AuthGuard<MiddlewareHandler, Context>;
  readonly organizationDirectory: OrganizationDirectory;
  readonly productCatalog: ProductCatalog;
}

export type TaxModule = ContextModule<Record<string, never>>;

/**
 * Registers the tax context: repositories and adapters in one `TaxDeps` (singleton; controllers build
 * each use case per request from it), controllers for spec §6. Tax publishes events and consumes none.
 */
export function registerTax(container: Container, needs: TaxNeeds): TaxModule {
  container.singleton(T.Deps, (r) => buildTaxDeps(r, needs));

  const { guard } = needs;
  const config = container.resolve(P.Config);
  // Issuing documents requires a key (spec §3), scoped to the caller's organization.
  const idempotent = idempotency({
    store: container.resolve(P.IdempotencyStore),
    required: true,
    scope: (c) => guard.organizationCaller(c).organizationId,
    ttlSeconds: config.IDEMPOTENCY_TTL_SECONDS,
    onStoreFailure: (error) => container.resolve(P.Logger).error({ err: error }, "tax idempotency store failed"),
  });
  return {
    name: "tax",
    controllers: [
      new TaxSettingsController(guard),
      new InvoicesController(guard, idempotent),
      new CreditNotesController(guard),
    ],
    subscriptions: [],
    services: {},
    periodicTasks: [],
    problems: taxErrors.table,
  };
}

function buildTaxDeps(r: Resolver, needs: TaxNeeds): TaxDeps {
  const database = r.resolve(P.Database);
  return {
    settings: new DrizzleTaxSettingsRepository(database),
    rates: new DrizzleTaxRateRepository(database),
    classifications: new DrizzleProductClassificationRepository(database),
    numbering: new DrizzleDocumentNumbering(database),
    invoices: new DrizzleInvoiceRepository(database),
    creditNotes: new DrizzleCreditNoteRepository(database),
    issueRequests: new DrizzleIssueRequestRepository(database),
    liability: new SqlLiabilityReportQuery(database),
    products: new CatalogProductLookup(needs.productCatalog),
    organizations: needs.organizationDirectory,
    events: new OutboxTaxEvents(r.resolve(P.Outbox)),
    audit: new PlatformTaxAuditLog(r.resolve(P.AuditTrail)),
    unitOfWork: r.resolve(P.UnitOfWork),
    clock: r.resolve(P.Clock),
  };
}
