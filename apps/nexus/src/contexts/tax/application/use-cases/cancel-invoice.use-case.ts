import { err, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Invoice } from "../../domain/invoice.entity";
import { type CancelInvoiceError, fromDomain, notFound } from "../tax.errors";
import type { TaxActor, TaxDeps } from "../tax-deps";
import { organizationToday } from "../today";
import { auditFailure } from "../write-audit";

/** POST /tax/invoices/{id}/cancel: voids an invoice on its issue day; it keeps its number. */
export class CancelInvoiceUseCase {
  constructor(private readonly deps: TaxDeps) {}

  async execute(input: {
    readonly actor: TaxActor;
    readonly invoiceId: Uuid;
    readonly reason: string;
  }): Promise<Result<Invoice, CancelInvoiceError>> {
    const { organizationId } = input.actor;
    const subject = {
      organizationId,
      action: "tax.invoice.cancelled",
      resourceType: "invoice",
      resourceId: input.invoiceId,
    };
    const result = await this.deps.unitOfWork.transaction(async (): Promise<Result<Invoice, CancelInvoiceError>> => {
      const invoice = await this.deps.invoices.findById(organizationId, input.invoiceId, { lock: true });
      if (!invoice) return err(notFound("invoice"));
      const credited = await this.deps.creditNotes.creditedQuantities(organizationId, invoice.id);
      const { today } = await organizationToday(this.deps, organizationId);
      const cancelled = invoice.cancel({
        reason: input.reason,
        at: this.deps.clock.now(),
        today,
        hasCreditNotes: credited.size > 0,
      });
      if (!cancelled.ok) return err(fromDomain(cancelled.error));
      await this.deps.invoices.saveCancellation(cancelled.value);
      await this.deps.events.invoiceCancelled(cancelled.value);
      await this.deps.audit.record({ ...subject, outcome: "success", metadata: { number: invoice.props.number } });
      return ok(cancelled.value);
    });
    return auditFailure(this.deps.audit, subject, result);
  }
}
