import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { CreditNoteRepository } from "./ports/credit-note.repository";
import type { DocumentNumbering } from "./ports/document-numbering.port";
import type { InvoiceRepository } from "./ports/invoice.repository";
import type { IssueRequestRepository } from "./ports/issue-request.repository";
import type { LiabilityReportQuery } from "./ports/liability-report.query";
import type { ProductClassificationRepository } from "./ports/product-classification.repository";
import type { ProductLookup } from "./ports/product-lookup.port";
import type { TaxRateRepository } from "./ports/tax-rate.repository";
import type { Clock, OrganizationProfiles, TaxAuditLog, TaxEvents, TaxUnitOfWork } from "./ports/tax-services.port";
import type { TaxSettingsRepository } from "./ports/tax-settings.repository";

/** Everything the tax use cases need, built once by `registerTax` (tests build it over a test database). */
export interface TaxDeps {
  readonly settings: TaxSettingsRepository;
  readonly rates: TaxRateRepository;
  readonly classifications: ProductClassificationRepository;
  readonly numbering: DocumentNumbering;
  readonly invoices: InvoiceRepository;
  readonly creditNotes: CreditNoteRepository;
  readonly issueRequests: IssueRequestRepository;
  readonly liability: LiabilityReportQuery;
  readonly products: ProductLookup;
  readonly organizations: OrganizationProfiles;
  readonly events: TaxEvents;
  readonly audit: TaxAuditLog;
  readonly unitOfWork: TaxUnitOfWork;
  readonly clock: Clock;
}

/** The verified caller acting in an organization (the tenant comes from the token, never the body). */
export interface TaxActor {
  readonly userId: Uuid;
  readonly organizationId: Uuid;
}
