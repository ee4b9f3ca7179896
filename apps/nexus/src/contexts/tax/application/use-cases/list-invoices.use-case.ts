import { err, ok, type Result } from "@/shared/domain/result";
import { CalendarDate } from "../../domain/calendar-date.value-object";
import type { InvoiceFilter } from "../ports/invoice.repository";
import type { Page, PageRequest } from "../ports/page";
import { invalid, type ListError } from "../tax.errors";
import type { TaxActor, TaxDeps } from "../tax-deps";
import { type InvoiceDto, toInvoiceDto } from "../tax-document.dto";

/** GET /tax/invoices: newest issue date first; filters by issue-date range, status and customer. */
export class ListInvoicesUseCase {
  constructor(private readonly deps: Pick<TaxDeps, "invoices">) {}

  async execute(input: {
    readonly actor: TaxActor;
    readonly filter: InvoiceFilter;
    readonly page: PageRequest;
  }): Promise<Result<Page<InvoiceDto>, ListError>> {
    const range = checkRange(input.filter.from, input.filter.to);
    if (!range.ok) return range;
    const page = await this.deps.invoices.list(input.actor.organizationId, input.filter, input.page);
    return ok({ items: page.items.map(toInvoiceDto), next: page.next });
  }
}

/** `from` and `to` are inclusive issue dates; `from` after `to` is a client mistake worth a 422. */
export function checkRange(from: string | undefined, to: string | undefined): Result<void, ListError> {
  for (const [field, value] of [
    ["from", from],
    ["to", to],
  ] as const) {
    if (value !== undefined && !CalendarDate.parse(value).ok) return err(invalid(field, "a date YYYY-MM-DD"));
  }
  if (from !== undefined && to !== undefined && from > to) return err(invalid("from", "from is after to"));
  return ok(undefined);
}
