import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Invoice, InvoiceStatus } from "../../domain/invoice.entity";
import type { Page, PageRequest } from "./page";

export interface InvoiceFilter {
  readonly from?: string;
  readonly to?: string;
  readonly status?: InvoiceStatus;
  /** Case-insensitive substring of the customer's name. */
  readonly customer?: string;
}

export interface InvoiceRepository {
  add(invoice: Invoice): Promise<void>;
  /** `lock`: FOR UPDATE until the transaction ends (cancel and credit notes read it so). */
  findById(organizationId: Uuid, id: Uuid, options?: { readonly lock?: boolean }): Promise<Invoice | null>;
  /** Writes the cancellation (status fields only: the database refuses anything else). */
  saveCancellation(invoice: Invoice): Promise<void>;
  list(organizationId: Uuid, filter: InvoiceFilter, page: PageRequest): Promise<Page<Invoice>>;
}
