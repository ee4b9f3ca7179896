import { Money, Quantity } from "@/shared/domain/exact-arithmetic";
import { unwrap } from "@/shared/domain/result";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { CalendarDate } from "../../domain/calendar-date.value-object";
import { CreditNote } from "../../domain/credit-note.entity";
import { Invoice } from "../../domain/invoice.entity";
import type { DocumentLine } from "../../domain/invoice-line.value-object";
import type { DocumentTotals } from "../../domain/line-amounts.value-object";
import type { CreditNoteRow } from "./credit-note.table";
import type { CreditNoteLineRow } from "./credit-note-line.table";
import type { InvoiceRow } from "./invoice.table";
import type { InvoiceLineRow } from "./invoice-line.table";

type LineRow = InvoiceLineRow | CreditNoteLineRow;

/** Rows of one document's lines, as inserted (the id and invoice/credit-note key come from the caller). */
export function toLineValues(organizationId: Uuid, line: DocumentLine) {
  return {
    organizationId,
    lineNumber: line.lineNumber,
    productId: line.productId,
    productName: line.productName,
    sku: line.sku,
    unit: line.unit,
    quantity: line.quantity.toString(),
    unitPrice: line.unitPrice.toNumber(),
    net: line.amounts.net.toNumber(),
    tax: line.amounts.tax.toNumber(),
    taxes: line.amounts.taxes.map((t) => ({
      code: t.code,
      rateBasisPoints: t.rateBasisPoints,
      amount: t.amount.toNumber(),
    })),
  };
}

export function toDocumentLine(row: LineRow): DocumentLine {
  return {
    lineNumber: row.lineNumber,
    productId: row.productId,
    productName: row.productName,
    sku: row.sku,
    unit: row.unit,
    // numeric(18,3) reads back as "2.500": at most 3 decimals, which Quantity accepts exactly.
    quantity: unwrap(Quantity.parse(row.quantity)),
    unitPrice: Money.ofMinor(row.unitPrice),
    amounts: {
      net: Money.ofMinor(row.net),
      tax: Money.ofMinor(row.tax),
      taxes: row.taxes.map((t) => ({
        code: t.code,
        rateBasisPoints: t.rateBasisPoints,
        amount: Money.ofMinor(t.amount),
      })),
    },
  };
}

function totals(row: { net: number; tax: number; gross: number }): DocumentTotals {
  return { net: Money.ofMinor(row.net), tax: Money.ofMinor(row.tax), gross: Money.ofMinor(row.gross) };
}

const date = (text: string) => unwrap(CalendarDate.parse(text));

export function toInvoice(row: InvoiceRow, lines: readonly InvoiceLineRow[]): Invoice {
  return Invoice.restore({
    id: row.id,
    organizationId: row.organizationId,
    number: row.number,
    issueDate: date(row.issueDate),
    currency: row.currency,
    seller: row.seller,
    customer: { name: row.customerName, taxId: row.customerTaxId, address: row.customerAddress },
    lines: [...lines].sort((a, b) => a.lineNumber - b.lineNumber).map(toDocumentLine),
    totals: totals(row),
    issuedAt: Timestamp.fromDate(row.issuedAt),
    status: row.status,
    cancellation:
      row.cancelledAt && row.cancellationReason !== null
        ? { at: Timestamp.fromDate(row.cancelledAt), reason: row.cancellationReason }
        : null,
  });
}

export function toInvoiceValues(invoice: Invoice) {
  const p = invoice.props;
  return {
    id: p.id,
    organizationId: p.organizationId,
    number: p.number,
    issueDate: p.issueDate.toString(),
    currency: p.currency,
    seller: p.seller,
    customerName: p.customer.name,
    customerTaxId: p.customer.taxId,
    customerAddress: p.customer.address,
    net: p.totals.net.toNumber(),
    tax: p.totals.tax.toNumber(),
    gross: p.totals.gross.toNumber(),
    status: p.status,
    issuedAt: p.issuedAt.toDate(),
    cancelledAt: p.cancellation?.at.toDate() ?? null,
    cancellationReason: p.cancellation?.reason ?? null,
  };
}

export function toCreditNote(row: CreditNoteRow, lines: readonly CreditNoteLineRow[]): CreditNote {
  return CreditNote.restore({
    id: row.id,
    organizationId: row.organizationId,
    number: row.number,
    invoiceId: row.invoiceId,
    invoiceNumber: row.invoiceNumber,
    invoiceIssueDate: date(row.invoiceIssueDate),
    issueDate: date(row.issueDate),
    currency: row.currency,
    seller: row.seller,
    customer: row.customer,
    reason: row.reason,
    restock: row.restock,
    lines: [...lines].sort((a, b) => a.lineNumber - b.lineNumber).map(toDocumentLine),
    totals: totals(row),
    issuedAt: Timestamp.fromDate(row.issuedAt),
  });
}

export function toCreditNoteValues(note: CreditNote) {
  const p = note.props;
  return {
    id: p.id,
    organizationId: p.organizationId,
    number: p.number,
    invoiceId: p.invoiceId,
    invoiceNumber: p.invoiceNumber,
    invoiceIssueDate: p.invoiceIssueDate.toString(),
    issueDate: p.issueDate.toString(),
    currency: p.currency,
    seller: p.seller,
    customer: p.customer,
    reason: p.reason,
    restock: p.restock,
    net: p.totals.net.toNumber(),
    tax: p.totals.tax.toNumber(),
    gross: p.totals.gross.toNumber(),
    issuedAt: p.issuedAt.toDate(),
  };
}
