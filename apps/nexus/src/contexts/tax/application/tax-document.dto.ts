import type { CreditNote } from "../domain/credit-note.entity";
import type { Invoice, InvoiceStatus } from "../domain/invoice.entity";
import type { DocumentLine } from "../domain/invoice-line.value-object";
import { type DocumentTotals, taxBreakdown } from "../domain/line-amounts.value-object";
import type { Customer, FiscalIdentity } from "../domain/party.value-objects";

/** Amounts are integers in minor units of `currency`; quantities decimal strings (spec §3). */
export interface LineTaxDto {
  readonly code: string;
  readonly rateBasisPoints: number;
  readonly amount: number;
}

export interface DocumentLineDto {
  readonly lineNumber: number;
  readonly productId: string;
  readonly productName: string;
  readonly sku: string;
  readonly unit: string;
  readonly quantity: string;
  readonly unitPrice: number;
  readonly net: number;
  readonly tax: number;
  readonly gross: number;
  readonly taxes: LineTaxDto[];
}

export interface TaxBreakdownDto {
  readonly code: string;
  readonly rateBasisPoints: number;
  readonly taxableAmount: number;
  readonly taxAmount: number;
}

export interface TotalsDto {
  readonly net: number;
  readonly tax: number;
  readonly gross: number;
}

interface FiscalDocumentDto {
  readonly id: string;
  readonly number: string;
  readonly issueDate: string;
  readonly currency: string;
  readonly seller: FiscalIdentity;
  readonly customer: Customer;
  readonly lines: DocumentLineDto[];
  readonly taxBreakdown: TaxBreakdownDto[];
  readonly totals: TotalsDto;
  readonly issuedAt: string;
}

export interface InvoiceDto extends FiscalDocumentDto {
  readonly status: InvoiceStatus;
  readonly cancelledAt: string | null;
  readonly cancellationReason: string | null;
}

export interface CreditNoteDto extends FiscalDocumentDto {
  readonly invoiceId: string;
  readonly invoiceNumber: string;
  readonly invoiceIssueDate: string;
  readonly reason: string;
  readonly restock: boolean;
}

/** What the e-invoice and print renderers take: the same figures as the JSON document. */
export type RenderableDocument =
  | { readonly kind: "invoice"; readonly document: InvoiceDto }
  | { readonly kind: "credit-note"; readonly document: CreditNoteDto };

export function toInvoiceDto(invoice: Invoice): InvoiceDto {
  const p = invoice.props;
  return {
    ...commonFields(p),
    status: p.status,
    cancelledAt: p.cancellation?.at.toISOString() ?? null,
    cancellationReason: p.cancellation?.reason ?? null,
  };
}

export function toCreditNoteDto(note: CreditNote): CreditNoteDto {
  const p = note.props;
  return {
    ...commonFields(p),
    invoiceId: p.invoiceId,
    invoiceNumber: p.invoiceNumber,
    invoiceIssueDate: p.invoiceIssueDate.toString(),
    reason: p.reason,
    restock: p.restock,
  };
}

export function toTotalsDto(totals: DocumentTotals): TotalsDto {
  return { net: totals.net.toNumber(), tax: totals.tax.toNumber(), gross: totals.gross.toNumber() };
}

function commonFields(p: Invoice["props"] | CreditNote["props"]): FiscalDocumentDto {
  return {
    id: p.id,
    number: p.number,
    issueDate: p.issueDate.toString(),
    currency: p.currency,
    seller: p.seller,
    customer: p.customer,
    lines: p.lines.map(toLineDto),
    taxBreakdown: taxBreakdown(p.lines.map((l) => l.amounts)).map((row) => ({
      code: row.code,
      rateBasisPoints: row.rateBasisPoints,
      taxableAmount: row.taxableAmount.toNumber(),
      taxAmount: row.taxAmount.toNumber(),
    })),
    totals: toTotalsDto(p.totals),
    issuedAt: p.issuedAt.toISOString(),
  };
}

function toLineDto(line: DocumentLine): DocumentLineDto {
  const { net, tax, taxes } = line.amounts;
  return {
    lineNumber: line.lineNumber,
    productId: line.productId,
    productName: line.productName,
    sku: line.sku,
    unit: line.unit,
    quantity: line.quantity.toString(),
    unitPrice: line.unitPrice.toNumber(),
    net: net.toNumber(),
    tax: tax.toNumber(),
    gross: net.add(tax).toNumber(),
    taxes: taxes.map((t) => ({ code: t.code, rateBasisPoints: t.rateBasisPoints, amount: t.amount.toNumber() })),
  };
}
