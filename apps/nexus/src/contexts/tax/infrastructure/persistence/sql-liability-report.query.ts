import { sql } from "drizzle-orm";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import { type DatabaseClient, queryRows } from "@/shared/infrastructure/database/database-client";
import type { LiabilityReportQuery, LiabilityRow } from "../../application/ports/liability-report.query";

/**
 * One aggregate over the stored, rounded line figures: each line's `taxes` entry contributes the
 * line's net to its code's base and its amount to the code's tax; credit-note lines subtract.
 */
export class SqlLiabilityReportQuery implements LiabilityReportQuery {
  constructor(private readonly client: DatabaseClient) {}

  async report(organizationId: Uuid, from: string, to: string): Promise<LiabilityRow[]> {
    const rows = await withDatabaseErrors(() =>
      queryRows<{ code: string; base: string; tax: string; invoices: string; credit_notes: string }>(
        this.client.executor(),
        sql`
          with entries as (
            select t->>'code' as code, l.net as base, (t->>'amount')::bigint as tax, l.invoice_id as invoice_id,
                   null::uuid as credit_note_id
            from tax.invoice_lines l
            join tax.invoices i on i.id = l.invoice_id
            cross join lateral jsonb_array_elements(l.taxes) t
            where i.organization_id = ${organizationId} and i.status = 'issued'
              and i.issue_date between ${from}::date and ${to}::date
            union all
            select t->>'code', -l.net, -(t->>'amount')::bigint, null, l.credit_note_id
            from tax.credit_note_lines l
            join tax.credit_notes c on c.id = l.credit_note_id
            cross join lateral jsonb_array_elements(l.taxes) t
            where c.organization_id = ${organizationId} and c.issue_date between ${from}::date and ${to}::date
          )
          select code, sum(base)::text as base, sum(tax)::text as tax,
                 count(distinct invoice_id)::text as invoices, count(distinct credit_note_id)::text as credit_notes
          from entries group by code order by code`,
      ),
    );
    return rows.map((row) => {
      const invoiceCount = Number(row.invoices);
      const creditNoteCount = Number(row.credit_notes);
      return {
        code: row.code,
        taxableBase: Number(row.base),
        tax: Number(row.tax),
        invoiceCount,
        creditNoteCount,
        documentCount: invoiceCount + creditNoteCount,
      };
    });
  }
}
