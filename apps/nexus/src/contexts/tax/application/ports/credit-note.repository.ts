import type { Quantity } from "@/shared/domain/exact-arithmetic";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { CreditNote } from "../../domain/credit-note.entity";
import type { Page, PageRequest } from "./page";

export interface CreditNoteFilter {
  readonly from?: string;
  readonly to?: string;
  readonly invoiceId?: Uuid;
}

export interface CreditNoteRepository {
  add(note: CreditNote): Promise<void>;
  findById(organizationId: Uuid, id: Uuid): Promise<CreditNote | null>;
  list(organizationId: Uuid, filter: CreditNoteFilter, page: PageRequest): Promise<Page<CreditNote>>;
  /** Quantity credited so far per invoice line number (call with the invoice row locked). */
  creditedQuantities(organizationId: Uuid, invoiceId: Uuid): Promise<Map<number, Quantity>>;
}
