import { err, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { notFound, type ReadError } from "../tax.errors";
import type { TaxActor, TaxDeps } from "../tax-deps";
import { type RenderableDocument, toCreditNoteDto, toInvoiceDto } from "../tax-document.dto";

export type DocumentFormat = "json" | "xml" | "pdf";

export interface GetTaxDocumentInput {
  readonly actor: TaxActor;
  readonly kind: RenderableDocument["kind"];
  readonly id: Uuid;
  readonly format: DocumentFormat;
}

/**
 * GET /tax/invoices/{id} and /tax/credit-notes/{id}. Downloading the e-invoice (XML) or the print
 * (PDF) is a sensitive read: it is audited (spec §8) before the document is handed out.
 */
export class GetTaxDocumentUseCase {
  constructor(private readonly deps: Pick<TaxDeps, "invoices" | "creditNotes" | "audit" | "unitOfWork">) {}

  async execute(input: GetTaxDocumentInput): Promise<Result<RenderableDocument, ReadError>> {
    const document = await this.find(input);
    if (!document) return err(notFound(input.kind === "invoice" ? "invoice" : "credit note"));
    if (input.format !== "json") {
      await this.deps.unitOfWork.transaction(() =>
        this.deps.audit.record({
          organizationId: input.actor.organizationId,
          action: `tax.${input.kind}.downloaded`,
          resourceType: input.kind,
          resourceId: input.id,
          outcome: "success",
          metadata: { format: input.format, number: document.document.number },
        }),
      );
    }
    return ok(document);
  }

  private async find({ actor, kind, id }: GetTaxDocumentInput): Promise<RenderableDocument | null> {
    if (kind === "invoice") {
      const invoice = await this.deps.invoices.findById(actor.organizationId, id);
      return invoice ? { kind, document: toInvoiceDto(invoice) } : null;
    }
    const note = await this.deps.creditNotes.findById(actor.organizationId, id);
    return note ? { kind, document: toCreditNoteDto(note) } : null;
  }
}
