import { and, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { Quantity } from "@/shared/domain/exact-arithmetic";
import { unwrap } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { keysetPage } from "@/shared/infrastructure/database/keyset-page";
import type { CreditNoteFilter, CreditNoteRepository } from "../../application/ports/credit-note.repository";
import type { Page, PageRequest } from "../../application/ports/page";
import type { CreditNote } from "../../domain/credit-note.entity";
import { type CreditNoteRow, creditNotes } from "./credit-note.table";
import { type CreditNoteLineRow, creditNoteLines } from "./credit-note-line.table";
import { insertWithLines } from "./document-insert";
import { afterPosition, documentPosition } from "./document-page";
import { toCreditNote, toCreditNoteValues, toLineValues } from "./tax-document.mapper";

export class DrizzleCreditNoteRepository implements CreditNoteRepository {
  constructor(private readonly client: DatabaseClient) {}

  async add(note: CreditNote): Promise<void> {
    const db = this.client.executor();
    const { organizationId, invoiceId } = note.props;
    await withDatabaseErrors(() =>
      insertWithLines(
        db,
        db.insert(creditNotes).values(toCreditNoteValues(note)),
        db.insert(creditNoteLines).values(
          note.props.lines.map((line) => ({
            creditNoteId: note.id,
            invoiceId,
            ...toLineValues(organizationId, line),
          })),
        ),
      ),
    );
  }

  async findById(organizationId: Uuid, id: Uuid): Promise<CreditNote | null> {
    const [row] = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select()
        .from(creditNotes)
        .where(and(eq(creditNotes.organizationId, organizationId), eq(creditNotes.id, id))),
    );
    if (!row) return null;
    const [note] = await this.withLines([row]);
    return note ?? null;
  }

  async list(organizationId: Uuid, filter: CreditNoteFilter, page: PageRequest): Promise<Page<CreditNote>> {
    const rows = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select()
        .from(creditNotes)
        .where(
          and(
            eq(creditNotes.organizationId, organizationId),
            filter.from ? gte(creditNotes.issueDate, filter.from) : undefined,
            filter.to ? lte(creditNotes.issueDate, filter.to) : undefined,
            filter.invoiceId ? eq(creditNotes.invoiceId, filter.invoiceId) : undefined,
            afterPosition(creditNotes.issueDate, creditNotes.id, page),
          ),
        )
        .orderBy(desc(creditNotes.issueDate), desc(creditNotes.id))
        .limit(page.limit + 1),
    );
    const { items, nextCursor } = keysetPage(rows, page.limit, documentPosition);
    return { items: await this.withLines(items), next: nextCursor };
  }

  async creditedQuantities(organizationId: Uuid, invoiceId: Uuid): Promise<Map<number, Quantity>> {
    const rows = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select({
          lineNumber: creditNoteLines.lineNumber,
          quantity: sql<string>`sum(${creditNoteLines.quantity})::text`,
        })
        .from(creditNoteLines)
        .where(and(eq(creditNoteLines.organizationId, organizationId), eq(creditNoteLines.invoiceId, invoiceId)))
        .groupBy(creditNoteLines.lineNumber),
    );
    return new Map(rows.map((row) => [row.lineNumber, unwrap(Quantity.parse(row.quantity))]));
  }

  private async withLines(rows: readonly CreditNoteRow[]): Promise<CreditNote[]> {
    if (rows.length === 0) return [];
    const lines = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select()
        .from(creditNoteLines)
        .where(
          inArray(
            creditNoteLines.creditNoteId,
            rows.map((r) => r.id),
          ),
        ),
    );
    const byNote = new Map<string, CreditNoteLineRow[]>();
    for (const line of lines) byNote.set(line.creditNoteId, [...(byNote.get(line.creditNoteId) ?? []), line]);
    return rows.map((row) => toCreditNote(row, byNote.get(row.id) ?? []));
  }
}
