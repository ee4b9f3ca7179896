import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { unwrap } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { keysetPage } from "@/shared/infrastructure/database/keyset-page";
import type { RatePage, RatePosition, TaxRateRepository } from "../../application/ports/tax-rate.repository";
import { CalendarDate } from "../../domain/calendar-date.value-object";
import type { TaxCode } from "../../domain/tax-code.value-object";
import { TaxRate } from "../../domain/tax-rate.entity";
import { type TaxRateRow, taxRates } from "./tax-rate.table";

export class DrizzleTaxRateRepository implements TaxRateRepository {
  constructor(private readonly client: DatabaseClient) {}

  async lockCode(organizationId: Uuid, code: TaxCode): Promise<void> {
    // A transaction-scoped advisory lock per (organization, code): held until commit or rollback.
    await withDatabaseErrors(() =>
      this.client
        .executor()
        .execute(
          sql`select pg_advisory_xact_lock(hashtext('nexus.tax.rates'), hashtext(${`${organizationId}:${code}`}))`,
        ),
    );
  }

  async list(organizationId: Uuid, codes?: readonly TaxCode[]): Promise<TaxRate[]> {
    const rows = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select()
        .from(taxRates)
        .where(and(eq(taxRates.organizationId, organizationId), codes ? inArray(taxRates.code, [...codes]) : undefined))
        .orderBy(asc(taxRates.code), asc(taxRates.validFrom)),
    );
    return rows.map(toTaxRate);
  }

  async page(
    organizationId: Uuid,
    code: TaxCode | null,
    page: { readonly limit: number; readonly after: RatePosition | null },
  ): Promise<RatePage> {
    const { after } = page;
    const rows = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select()
        .from(taxRates)
        .where(
          and(
            eq(taxRates.organizationId, organizationId),
            code ? eq(taxRates.code, code) : undefined,
            after
              ? sql`(${taxRates.code}, ${taxRates.validFrom}) > (${after.code}, ${after.validFrom}::date)`
              : undefined,
          ),
        )
        .orderBy(asc(taxRates.code), asc(taxRates.validFrom))
        .limit(page.limit + 1),
    );
    const { items, nextCursor } = keysetPage(rows, page.limit, (r) => ({ code: r.code, validFrom: r.validFrom }));
    return { items: items.map(toTaxRate), next: nextCursor };
  }

  async add(rate: TaxRate): Promise<void> {
    const p = rate.props;
    await withDatabaseErrors(() =>
      this.client
        .executor()
        .insert(taxRates)
        .values({
          id: p.id,
          organizationId: p.organizationId,
          code: p.code,
          name: p.name,
          rateBasisPoints: p.rateBasisPoints,
          validFrom: p.validFrom.toString(),
          validTo: p.validTo?.toString() ?? null,
        }),
    );
  }
}

function toTaxRate(row: TaxRateRow): TaxRate {
  return TaxRate.restore({
    id: row.id,
    organizationId: row.organizationId,
    code: row.code as TaxCode,
    name: row.name,
    rateBasisPoints: row.rateBasisPoints,
    validFrom: unwrap(CalendarDate.parse(row.validFrom)),
    validTo: row.validTo === null ? null : unwrap(CalendarDate.parse(row.validTo)),
  });
}
