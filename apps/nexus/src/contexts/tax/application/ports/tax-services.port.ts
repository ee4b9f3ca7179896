import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { CreditNote } from "../../domain/credit-note.entity";
import type { Invoice } from "../../domain/invoice.entity";

/** Writes, audited reads and failures a use case records in its unit of work (spec §8). */
export interface TaxAuditEntry {
  readonly organizationId: Uuid;
  readonly action: string;
  readonly resourceType: string;
  readonly resourceId: string | null;
  readonly outcome: "success" | "failure";
  readonly metadata?: Record<string, unknown>;
}

export interface TaxAuditLog {
  /** Inside the unit of work: commits with the use case's writes. */
  record(entry: TaxAuditEntry): Promise<void>;
  /** After a failed use case (its transaction rolled back): commits on its own. */
  recordIndependently(entry: TaxAuditEntry): Promise<void>;
}

/** The context's integration events, written to the outbox in the current unit of work. */
export interface TaxEvents {
  invoiceIssued(invoice: Invoice): Promise<void>;
  invoiceCancelled(invoice: Invoice): Promise<void>;
  creditNoteIssued(note: CreditNote): Promise<void>;
}

/** Currency and time zone of an organization (auth's OrganizationDirectory). */
export interface OrganizationProfiles {
  find(organizationId: Uuid): Promise<{ readonly currency: string; readonly timezone: string } | null>;
}

export interface TaxUnitOfWork {
  transaction<T>(work: () => Promise<T>): Promise<T>;
}

export interface Clock {
  now(): Timestamp;
}
