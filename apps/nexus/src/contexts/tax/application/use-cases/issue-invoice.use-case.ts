import { Money, Quantity } from "@/shared/domain/exact-arithmetic";
import { err, ok, type Result } from "@/shared/domain/result";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { CalendarDate } from "../../domain/calendar-date.value-object";
import { type Invoice, InvoiceDraft, type InvoiceLineRequest } from "../../domain/invoice.entity";
import { Customer, type PostalAddress } from "../../domain/party.value-objects";
import { issuedBefore } from "../issued-before";
import type { IssuedRequest, IssueRequest } from "../ports/issue-request.repository";
import { fromDomain, type IssueInvoiceError, invalid } from "../tax.errors";
import type { TaxActor, TaxDeps } from "../tax-deps";
import { organizationToday } from "../today";
import { auditFailure } from "../write-audit";

export interface IssueInvoiceInput {
  readonly actor: TaxActor;
  /** The Idempotency-Key (HTTP always sends one): a retry gets the invoice its key issued, never a second one. */
  readonly request?: IssueRequest;
  readonly issueDate?: string;
  readonly customer: { readonly name: string; readonly taxId?: string | null; readonly address?: PostalAddress | null };
  readonly lines: readonly { readonly productId: string; readonly quantity: string; readonly unitPrice: number }[];
}

interface ParsedLine {
  readonly productId: Uuid;
  readonly quantity: Quantity;
  readonly unitPrice: Money;
}

/**
 * POST /tax/invoices. Everything that can fail is checked before the number is taken; the number,
 * the invoice, its event, its audit entry and its key's record then commit together (or the number
 * is given back). A key that issued an invoice already gets that invoice back (docs/adr/0007).
 */
export class IssueInvoiceUseCase {
  constructor(private readonly deps: TaxDeps) {}

  async execute(input: IssueInvoiceInput): Promise<Result<Invoice, IssueInvoiceError>> {
    const subject = {
      organizationId: input.actor.organizationId,
      action: "tax.invoice.issued",
      resourceType: "invoice",
    };
    const { organizationId } = input.actor;
    const { request } = input;
    // Before the draft: a retry gets its invoice even if products, rates or the date changed since.
    const recorded = request && (await this.deps.issueRequests.find(organizationId, "invoice", request.key));
    if (request && recorded) {
      const earlier = await this.issued(organizationId, request, recorded);
      return auditFailure(this.deps.audit, { ...subject, resourceId: null }, earlier);
    }
    const draft = await this.draft(input);
    if (!draft.ok) return auditFailure(this.deps.audit, { ...subject, resourceId: null }, draft);
    const result = await this.deps.unitOfWork.transaction(async (): Promise<Result<Invoice, IssueInvoiceError>> => {
      const id = Uuid.generate();
      // A twin with the same key that got here first: this waited for its commit, and answers with its invoice.
      const twin = request && (await this.deps.issueRequests.claim(organizationId, "invoice", request, id));
      if (request && twin) return this.issued(organizationId, request, twin);
      const taken = await this.deps.numbering.next(organizationId, "invoice", draft.value.input.issueDate);
      if (!taken.ok) return taken;
      const invoice = draft.value.issue(id, taken.value.number, this.deps.clock.now());
      // Independent writes, sent together: the transaction's statements queue on its one connection
      // (pipelined, run in order), so the number lock is held for fewer round trips.
      await Promise.all([
        this.deps.invoices.add(invoice),
        this.deps.events.invoiceIssued(invoice),
        this.deps.audit.record({
          ...subject,
          resourceId: invoice.id,
          outcome: "success",
          metadata: { number: invoice.props.number, gross: invoice.props.totals.gross.toNumber() },
        }),
      ]);
      return ok(invoice);
    });
    return auditFailure(this.deps.audit, { ...subject, resourceId: null }, result);
  }

  private issued(organizationId: Uuid, request: IssueRequest, recorded: IssuedRequest) {
    return issuedBefore(recorded, request, (id) => this.deps.invoices.findById(organizationId, id));
  }

  private async draft(input: IssueInvoiceInput): Promise<Result<InvoiceDraft, IssueInvoiceError>> {
    const { organizationId } = input.actor;
    const { currency, today } = await organizationToday(this.deps, organizationId);
    const issueDate = input.issueDate === undefined ? ok(today) : CalendarDate.parse(input.issueDate);
    if (!issueDate.ok) return err(invalid("issueDate", issueDate.error.message));
    if (issueDate.value.isAfter(today)) {
      return err({ code: "issue-date-in-future", message: `the issue date is after today (${today})` });
    }
    const customer = Customer.create(input.customer);
    if (!customer.ok) return err(fromDomain(customer.error));
    const lines = parseLines(input.lines);
    if (!lines.ok) return lines;
    // Independent reads, outside the transaction (nothing is locked yet).
    const [requests, seller] = await Promise.all([
      this.lineRequests(organizationId, lines.value),
      this.deps.settings.find(organizationId),
    ]);
    if (!requests.ok) return requests;
    if (!seller) {
      return err({ code: "fiscal-identity-missing", message: "set the fiscal identity (PUT /tax/settings) first" });
    }
    const codes = [...new Set(requests.value.flatMap((r) => r.taxCodes ?? []))];
    const rates = codes.length > 0 ? await this.deps.rates.list(organizationId, codes) : [];
    const draft = InvoiceDraft.create({
      organizationId,
      issueDate: issueDate.value,
      currency,
      seller,
      customer: customer.value,
      lines: requests.value,
      rates,
    });
    return draft.ok ? draft : err(fromDomain(draft.error));
  }

  /** Snapshots each line's product (production's public service) with its tax classification. */
  private async lineRequests(
    organizationId: Uuid,
    lines: readonly ParsedLine[],
  ): Promise<Result<InvoiceLineRequest[], IssueInvoiceError>> {
    const ids = [...new Set(lines.map((l) => l.productId))];
    const [found, classified] = await Promise.all([
      this.deps.products.find(organizationId, ids),
      this.deps.classifications.findMany(organizationId, ids),
    ]);
    const products = new Map(found.map((p) => [p.productId, p]));
    const unknown = ids.filter((id) => !products.has(id));
    if (unknown.length > 0) {
      return err({ code: "unknown-product", message: "these products do not exist", productIds: unknown });
    }
    const codesOf = new Map(classified.map((c) => [c.productId, c.taxCodes]));
    return ok(
      lines.map((line) => {
        const product = products.get(line.productId);
        if (!product) throw new Error("product checked above");
        return {
          ...product,
          quantity: line.quantity,
          unitPrice: line.unitPrice,
          taxCodes: codesOf.get(line.productId) ?? null,
        };
      }),
    );
  }
}

function parseLines(lines: IssueInvoiceInput["lines"]): Result<ParsedLine[], IssueInvoiceError> {
  const parsed: ParsedLine[] = [];
  for (const [index, line] of lines.entries()) {
    const productId = Uuid.parse(line.productId);
    if (!productId.ok) return err(invalid(`lines/${index}/productId`, productId.error.message));
    const quantity = Quantity.parse(line.quantity);
    if (!quantity.ok) return err(invalid(`lines/${index}/quantity`, quantity.error.message));
    if (!Number.isSafeInteger(line.unitPrice)) {
      return err(invalid(`lines/${index}/unitPrice`, "unitPrice is an integer number of minor units"));
    }
    parsed.push({ productId: productId.value, quantity: quantity.value, unitPrice: Money.ofMinor(line.unitPrice) });
  }
  return ok(parsed);
}
