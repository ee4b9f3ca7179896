import type { Money, Quantity } from "@/shared/domain/exact-arithmetic";
import { type DomainError, err, ok, type Result } from "@/shared/domain/result";
import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { CalendarDate } from "./calendar-date.value-object";
import { type DocumentLine, fitsInJson, MAX_LINES, type ProductSnapshot } from "./invoice-line.value-object";
import { type DocumentTotals, priceLine, sumTotals } from "./line-amounts.value-object";
import type { Customer, FiscalIdentity } from "./party.value-objects";
import { ratesOn } from "./rate-schedule.rule";
import type { TaxCode } from "./tax-code.value-object";
import type { TaxRate } from "./tax-rate.entity";

export type InvoiceStatus = "issued" | "cancelled";

export type InvoiceIssueError =
  | (DomainError<"unclassified-product"> & { readonly productIds: readonly string[] })
  | (DomainError<"no-tax-rate"> & { readonly productIds: readonly string[]; readonly issueDate: string })
  | (DomainError<"invalid-line"> & { readonly field: string })
  | DomainError<"amount-too-large">;

export type InvoiceCancelError =
  | DomainError<"invoice-already-cancelled">
  | (DomainError<"cancel-window-closed"> & { readonly issueDate: string })
  | DomainError<"invoice-has-credit-notes">
  | (DomainError<"invalid-reason"> & { readonly field: string });

export interface InvoiceLineRequest extends ProductSnapshot {
  readonly quantity: Quantity;
  readonly unitPrice: Money;
  /** The product's tax codes; null when the product has no classification. */
  readonly taxCodes: readonly TaxCode[] | null;
}

export interface InvoiceDraftInput {
  readonly organizationId: Uuid;
  readonly issueDate: CalendarDate;
  readonly currency: string;
  readonly seller: FiscalIdentity;
  readonly customer: Customer;
  readonly lines: readonly InvoiceLineRequest[];
  /** The organization's rates (any code, any period): the draft picks those valid on the issue date. */
  readonly rates: readonly TaxRate[];
}

export interface Cancellation {
  readonly at: Timestamp;
  readonly reason: string;
}

export interface InvoiceProps extends Omit<InvoiceDraftInput, "lines" | "rates"> {
  readonly id: Uuid;
  readonly number: string;
  readonly lines: readonly DocumentLine[];
  readonly totals: DocumentTotals;
  readonly issuedAt: Timestamp;
  readonly status: InvoiceStatus;
  readonly cancellation: Cancellation | null;
}

/** A priced invoice that has no number yet: numbering happens inside the issuing transaction. */
export class InvoiceDraft {
  private constructor(
    readonly input: Omit<InvoiceDraftInput, "lines" | "rates">,
    readonly lines: readonly DocumentLine[],
    readonly totals: DocumentTotals,
  ) {}

  static create(input: InvoiceDraftInput): Result<InvoiceDraft, InvoiceIssueError> {
    if (input.lines.length === 0 || input.lines.length > MAX_LINES) {
      return err({ code: "invalid-line", message: `an invoice has 1 to ${MAX_LINES} lines`, field: "lines" });
    }
    const unclassified = [...new Set(input.lines.filter((l) => l.taxCodes === null).map((l) => l.productId))];
    if (unclassified.length > 0) {
      return err({
        code: "unclassified-product",
        message: "every product on an invoice needs a tax classification",
        productIds: unclassified,
      });
    }
    const lines: DocumentLine[] = [];
    const withoutRate: string[] = [];
    for (const [index, request] of input.lines.entries()) {
      if (!request.quantity.isPositive()) {
        return err({ code: "invalid-line", message: "quantity must be positive", field: `lines/${index}/quantity` });
      }
      if (request.unitPrice.isNegative()) {
        return err({
          code: "invalid-line",
          message: "unitPrice must not be negative",
          field: `lines/${index}/unitPrice`,
        });
      }
      const rates = ratesOn(input.rates, request.taxCodes ?? [], input.issueDate).map((rate) => ({
        code: rate.code,
        rateBasisPoints: rate.rateBasisPoints,
      }));
      // A line must carry at least one tax (a 0 bp rate for exempt goods): none means a rate is missing.
      if (rates.length === 0 && !withoutRate.includes(request.productId)) withoutRate.push(request.productId);
      const amounts = priceLine(request.quantity, request.unitPrice, rates);
      const { taxCodes: _codes, ...snapshot } = request;
      lines.push({ ...snapshot, lineNumber: index + 1, amounts });
    }
    if (withoutRate.length > 0) {
      return err({
        code: "no-tax-rate",
        message: `no rate of these products' tax codes is valid on ${input.issueDate}`,
        productIds: withoutRate,
        issueDate: input.issueDate.toString(),
      });
    }
    const totals = sumTotals(lines.map((line) => line.amounts));
    if (!lines.every((line) => fitsInJson(line.amounts)) || !fitsInJson(totals)) {
      return err({ code: "amount-too-large", message: "the invoice's amounts exceed 2^53 - 1 minor units" });
    }
    const { lines: _lines, rates: _rates, ...header } = input;
    return ok(new InvoiceDraft(header, lines, totals));
  }

  issue(id: Uuid, number: string, issuedAt: Timestamp): Invoice {
    return Invoice.restore({
      ...this.input,
      id,
      number,
      lines: this.lines,
      totals: this.totals,
      issuedAt,
      status: "issued",
      cancellation: null,
    });
  }
}

/**
 * An issued fiscal document. Immutable except for cancellation (same day only), which keeps the
 * number and only sets the status fields.
 */
export class Invoice {
  private constructor(readonly props: InvoiceProps) {}

  static restore(props: InvoiceProps): Invoice {
    return new Invoice(props);
  }

  get id(): Uuid {
    return this.props.id;
  }

  get status(): InvoiceStatus {
    return this.props.status;
  }

  get lines(): readonly DocumentLine[] {
    return this.props.lines;
  }

  /** Voids an invoice issued in error: only on its issue day (`today` in the organization's zone). */
  cancel(input: {
    readonly reason: string;
    readonly at: Timestamp;
    readonly today: CalendarDate;
    readonly hasCreditNotes: boolean;
  }): Result<Invoice, InvoiceCancelError> {
    const reason = input.reason.trim();
    if (this.props.status === "cancelled") {
      return err({ code: "invoice-already-cancelled", message: `invoice ${this.props.number} is already cancelled` });
    }
    if (reason.length === 0 || reason.length > 500) {
      return err({ code: "invalid-reason", message: "reason must have 1 to 500 characters", field: "reason" });
    }
    if (!input.today.equals(this.props.issueDate)) {
      return err({
        code: "cancel-window-closed",
        message: `an invoice can be cancelled only on its issue day (${this.props.issueDate}); issue a credit note instead`,
        issueDate: this.props.issueDate.toString(),
      });
    }
    if (input.hasCreditNotes) {
      return err({ code: "invoice-has-credit-notes", message: "an invoice with credit notes cannot be cancelled" });
    }
    return ok(new Invoice({ ...this.props, status: "cancelled", cancellation: { at: input.at, reason } }));
  }
}
