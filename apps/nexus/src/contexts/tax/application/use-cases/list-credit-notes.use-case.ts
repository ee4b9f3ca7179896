import { ok, type Result } from "@/shared/domain/result";
import type { CreditNoteFilter } from "../ports/credit-note.repository";
import type { Page, PageRequest } from "../ports/page";
import type { ListError } from "../tax.errors";
import type { TaxActor, TaxDeps } from "../tax-deps";
import { type CreditNoteDto, toCreditNoteDto } from "../tax-document.dto";
import { checkRange } from "./list-invoices.use-case";

/** GET /tax/credit-notes: newest first; filters by issue-date range and invoice. */
export class ListCreditNotesUseCase {
  constructor(private readonly deps: Pick<TaxDeps, "creditNotes">) {}

  async execute(input: {
    readonly actor: TaxActor;
    readonly filter: CreditNoteFilter;
    readonly page: PageRequest;
  }): Promise<Result<Page<CreditNoteDto>, ListError>> {
    const range = checkRange(input.filter.from, input.filter.to);
    if (!range.ok) return range;
    const page = await this.deps.creditNotes.list(input.actor.organizationId, input.filter, input.page);
    return ok({ items: page.items.map(toCreditNoteDto), next: page.next });
  }
}
