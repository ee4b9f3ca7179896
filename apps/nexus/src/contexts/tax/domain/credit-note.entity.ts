import { Quantity } from "@/shared/domain/exact-arithmetic";
import { type DomainError, err, ok, type Result } from "@/shared/domain/result";
import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { CalendarDate } from "./calendar-date.value-object";
import type { Invoice } from "./invoice.entity";
import type { DocumentLine } from "./invoice-line.value-object";
import { creditSlice, type DocumentTotals, sumTotals } from "./line-amounts.value-object";
import type { Customer, FiscalIdentity } from "./party.value-objects";

export interface CreditOverrun {
  readonly lineNumber: number;
  readonly requested: string;
  readonly remaining: string;
}

export type CreditNoteIssueError =
  | DomainError<"invoice-cancelled">
  | DomainError<"nothing-to-credit">
  | (DomainError<"unknown-invoice-line"> & { readonly lineNumbers: readonly number[] })
  | (DomainError<"credit-exceeds-invoiced"> & { readonly lines: readonly CreditOverrun[] })
  | (DomainError<"invalid-credit-line"> & { readonly field: string })
  | (DomainError<"invalid-reason"> & { readonly field: string });

export interface CreditLineRequest {
  readonly lineNumber: number;
  readonly quantity: Quantity;
}

export interface CreditNoteDraftInput {
  readonly invoice: Invoice;
  /** Quantity already credited per invoice line number by earlier credit notes. */
  readonly creditedBefore: ReadonlyMap<number, Quantity>;
  /** Absent: credit everything not credited yet. */
  readonly lines: readonly CreditLineRequest[] | null;
  readonly reason: string;
  readonly restock: boolean;
  readonly issueDate: CalendarDate;
  /** The seller's fiscal identity now (the credit note is a document of its own date). */
  readonly seller: FiscalIdentity;
}

export interface CreditNoteProps {
  readonly id: Uuid;
  readonly organizationId: Uuid;
  readonly number: string;
  readonly invoiceId: Uuid;
  readonly invoiceNumber: string;
  readonly invoiceIssueDate: CalendarDate;
  readonly issueDate: CalendarDate;
  readonly currency: string;
  readonly seller: FiscalIdentity;
  readonly customer: Customer;
  readonly reason: string;
  readonly restock: boolean;
  readonly lines: readonly DocumentLine[];
  readonly totals: DocumentTotals;
  readonly issuedAt: Timestamp;
}

type DraftProps = Omit<CreditNoteProps, "id" | "number" | "issuedAt">;

/** A priced credit note without its number (taken inside the issuing transaction). */
export class CreditNoteDraft {
  private constructor(readonly props: DraftProps) {}

  static create(input: CreditNoteDraftInput): Result<CreditNoteDraft, CreditNoteIssueError> {
    const invoice = input.invoice.props;
    if (invoice.status === "cancelled") {
      return err({ code: "invoice-cancelled", message: `invoice ${invoice.number} is cancelled: nothing to credit` });
    }
    const reason = input.reason.trim();
    if (reason.length === 0 || reason.length > 500) {
      return err({ code: "invalid-reason", message: "reason must have 1 to 500 characters", field: "reason" });
    }
    const requested = requestedQuantities(input);
    if (!requested.ok) return requested;
    const overruns: CreditOverrun[] = [];
    const lines: DocumentLine[] = [];
    for (const line of invoice.lines) {
      const quantity = requested.value.get(line.lineNumber);
      if (!quantity || quantity.isZero()) continue;
      const before = input.creditedBefore.get(line.lineNumber) ?? Quantity.ZERO;
      const remaining = line.quantity.subtract(before);
      if (quantity.compare(remaining) > 0) {
        overruns.push({ lineNumber: line.lineNumber, requested: quantity.toString(), remaining: remaining.toString() });
        continue;
      }
      const amounts = creditSlice(line.unitPrice, line.amounts.taxes, before, quantity);
      lines.push({ ...line, quantity, amounts });
    }
    if (overruns.length > 0) {
      return err({
        code: "credit-exceeds-invoiced",
        message: "a credit note never credits more than was invoiced on a line",
        lines: overruns,
      });
    }
    if (lines.length === 0) {
      return err({ code: "nothing-to-credit", message: `invoice ${invoice.number} is already fully credited` });
    }
    return ok(
      new CreditNoteDraft({
        organizationId: invoice.organizationId,
        invoiceId: invoice.id,
        invoiceNumber: invoice.number,
        invoiceIssueDate: invoice.issueDate,
        issueDate: input.issueDate,
        currency: invoice.currency,
        seller: input.seller,
        customer: invoice.customer,
        reason,
        restock: input.restock,
        lines,
        totals: sumTotals(lines.map((l) => l.amounts)),
      }),
    );
  }

  issue(id: Uuid, number: string, issuedAt: Timestamp): CreditNote {
    return CreditNote.restore({ ...this.props, id, number, issuedAt });
  }
}

/** An issued credit note: immutable; its amounts are positive and subtract from the invoice's. */
export class CreditNote {
  private constructor(readonly props: CreditNoteProps) {}

  static restore(props: CreditNoteProps): CreditNote {
    return new CreditNote(props);
  }

  get id(): Uuid {
    return this.props.id;
  }
}

function requestedQuantities(input: CreditNoteDraftInput): Result<Map<number, Quantity>, CreditNoteIssueError> {
  const invoiceLines = input.invoice.props.lines;
  if (input.lines === null) {
    const whole = invoiceLines.map((l): [number, Quantity] => [
      l.lineNumber,
      l.quantity.subtract(input.creditedBefore.get(l.lineNumber) ?? Quantity.ZERO),
    ]);
    return ok(new Map(whole));
  }
  if (input.lines.length === 0) {
    return err({ code: "invalid-credit-line", message: "lines, when given, must not be empty", field: "lines" });
  }
  const known = new Set(invoiceLines.map((l) => l.lineNumber));
  const unknown = input.lines.map((l) => l.lineNumber).filter((n) => !known.has(n));
  if (unknown.length > 0) {
    return err({
      code: "unknown-invoice-line",
      message: `the invoice has no line ${unknown.join(", ")}`,
      lineNumbers: unknown,
    });
  }
  const requested = new Map<number, Quantity>();
  for (const [index, line] of input.lines.entries()) {
    if (requested.has(line.lineNumber)) {
      return err({
        code: "invalid-credit-line",
        message: "each line at most once",
        field: `lines/${index}/lineNumber`,
      });
    }
    if (!line.quantity.isPositive()) {
      return err({
        code: "invalid-credit-line",
        message: "quantity must be positive",
        field: `lines/${index}/quantity`,
      });
    }
    requested.set(line.lineNumber, line.quantity);
  }
  return ok(requested);
}
