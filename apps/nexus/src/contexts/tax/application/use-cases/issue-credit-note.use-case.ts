import { Quantity } from "@/shared/domain/exact-arithmetic";
import { err, ok, type Result } from "@/shared/domain/result";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { type CreditLineRequest, type CreditNote, CreditNoteDraft } from "../../domain/credit-note.entity";
import { issuedBefore } from "../issued-before";
import type { IssueRequest } from "../ports/issue-request.repository";
import { fromDomain, type IssueCreditNoteError, invalid, notFound } from "../tax.errors";
import type { TaxActor, TaxDeps } from "../tax-deps";
import { organizationToday } from "../today";
import { auditFailure } from "../write-audit";

export interface IssueCreditNoteInput {
  readonly actor: TaxActor;
  readonly invoiceId: Uuid;
  /** The Idempotency-Key (HTTP always sends one): a retry gets the credit note its key issued, never a second one. */
  readonly request?: IssueRequest;
  readonly reason: string;
  readonly restock?: boolean;
  readonly lines?: readonly { readonly lineNumber: number; readonly quantity: string }[];
}

/**
 * POST /tax/invoices/{id}/credit-notes. The invoice row is locked for the transaction, so two
 * concurrent credit notes of one invoice see each other and never credit more than was invoiced.
 * The key is claimed first: a retry gets the credit note its key issued (docs/adr/0007), before the
 * checks that this very note would now fail (nothing left to credit).
 */
export class IssueCreditNoteUseCase {
  constructor(private readonly deps: TaxDeps) {}

  async execute(input: IssueCreditNoteInput): Promise<Result<CreditNote, IssueCreditNoteError>> {
    const { organizationId } = input.actor;
    const subject = { organizationId, action: "tax.credit-note.issued", resourceType: "credit-note" };
    const lines = parseLines(input.lines);
    if (!lines.ok) return auditFailure(this.deps.audit, { ...subject, resourceId: null }, lines);
    const result = await this.deps.unitOfWork.transaction(
      async (): Promise<Result<CreditNote, IssueCreditNoteError>> => {
        const id = Uuid.generate();
        const { request } = input;
        const scope = `credit-note:${input.invoiceId}` as const;
        // Recorded already (or by a twin this waited for): answer with that credit note, write nothing.
        const recorded = request && (await this.deps.issueRequests.claim(organizationId, scope, request, id));
        if (request && recorded) {
          return issuedBefore(recorded, request, (noteId) => this.deps.creditNotes.findById(organizationId, noteId));
        }
        const invoice = await this.deps.invoices.findById(organizationId, input.invoiceId, { lock: true });
        if (!invoice) return err(notFound("invoice"));
        const { today } = await organizationToday(this.deps, organizationId);
        const draft = CreditNoteDraft.create({
          invoice,
          creditedBefore: await this.deps.creditNotes.creditedQuantities(organizationId, invoice.id),
          lines: lines.value,
          reason: input.reason,
          restock: input.restock ?? false,
          issueDate: today,
          seller: (await this.deps.settings.find(organizationId)) ?? invoice.props.seller,
        });
        if (!draft.ok) return err(fromDomain(draft.error));
        const taken = await this.deps.numbering.next(organizationId, "credit-note", today);
        if (!taken.ok) return taken;
        const note = draft.value.issue(id, taken.value.number, this.deps.clock.now());
        // Sent together, like an invoice's (issue-invoice.use-case.ts): fewer round trips under the number lock.
        await Promise.all([
          this.deps.creditNotes.add(note),
          this.deps.events.creditNoteIssued(note),
          this.deps.audit.record({
            ...subject,
            resourceId: note.id,
            outcome: "success",
            metadata: { number: note.props.number, invoiceNumber: invoice.props.number, restock: note.props.restock },
          }),
        ]);
        return ok(note);
      },
    );
    return auditFailure(this.deps.audit, { ...subject, resourceId: null }, result);
  }
}

function parseLines(lines: IssueCreditNoteInput["lines"]): Result<CreditLineRequest[] | null, IssueCreditNoteError> {
  if (lines === undefined) return ok(null);
  const parsed: CreditLineRequest[] = [];
  for (const [index, line] of lines.entries()) {
    const quantity = Quantity.parse(line.quantity);
    if (!quantity.ok) return err(invalid(`lines/${index}/quantity`, quantity.error.message));
    parsed.push({ lineNumber: line.lineNumber, quantity: quantity.value });
  }
  return ok(parsed);
}
