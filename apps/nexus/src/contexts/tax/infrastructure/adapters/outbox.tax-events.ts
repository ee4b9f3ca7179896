import type { OutboxWriter } from "@/shared/infrastructure/events/outbox-writer";
import type { TaxEvents } from "../../application/ports/tax-services.port";
import { toCreditNoteDto, toInvoiceDto } from "../../application/tax-document.dto";
import { CreditNoteIssuedV1 } from "../../contracts/credit-note-issued.event";
import { InvoiceCancelledV1 } from "../../contracts/invoice-cancelled.event";
import { InvoiceIssuedV1 } from "../../contracts/invoice-issued.event";
import type { CreditNote } from "../../domain/credit-note.entity";
import type { Invoice } from "../../domain/invoice.entity";

/**
 * The tax events, written to the outbox in the caller's unit of work (validated by the contracts'
 * Zod schemas). The aggregate id is the invoice for all three, so one invoice's events (issued,
 * cancelled, credit notes) reach consumers in commit order.
 */
export class OutboxTaxEvents implements TaxEvents {
  constructor(private readonly outbox: OutboxWriter) {}

  async invoiceIssued(invoice: Invoice): Promise<void> {
    const dto = toInvoiceDto(invoice);
    await this.outbox.publish(InvoiceIssuedV1, {
      organizationId: invoice.props.organizationId,
      aggregateId: invoice.id,
      payload: {
        invoiceId: dto.id,
        number: dto.number,
        issueDate: dto.issueDate,
        currency: dto.currency,
        customer: { name: dto.customer.name, taxId: dto.customer.taxId },
        lines: dto.lines.map(({ gross: _gross, ...line }) => line),
        totals: dto.totals,
      },
    });
  }

  async invoiceCancelled(invoice: Invoice): Promise<void> {
    const dto = toInvoiceDto(invoice);
    if (dto.cancelledAt === null || dto.cancellationReason === null) throw new Error("invoice is not cancelled");
    await this.outbox.publish(InvoiceCancelledV1, {
      organizationId: invoice.props.organizationId,
      aggregateId: invoice.id,
      payload: {
        invoiceId: dto.id,
        number: dto.number,
        issueDate: dto.issueDate,
        cancelledAt: dto.cancelledAt,
        reason: dto.cancellationReason,
        currency: dto.currency,
        totals: dto.totals,
      },
    });
  }

  async creditNoteIssued(note: CreditNote): Promise<void> {
    const dto = toCreditNoteDto(note);
    await this.outbox.publish(CreditNoteIssuedV1, {
      organizationId: note.props.organizationId,
      aggregateId: note.props.invoiceId,
      payload: {
        creditNoteId: dto.id,
        number: dto.number,
        invoiceId: dto.invoiceId,
        invoiceNumber: dto.invoiceNumber,
        issueDate: dto.issueDate,
        restock: dto.restock,
        currency: dto.currency,
        lines: dto.lines.map((l) => ({
          lineNumber: l.lineNumber,
          productId: l.productId,
          quantity: l.quantity,
          unitPrice: l.unitPrice,
          net: l.net,
          tax: l.tax,
          taxes: l.taxes,
        })),
        totals: dto.totals,
      },
    });
  }
}
