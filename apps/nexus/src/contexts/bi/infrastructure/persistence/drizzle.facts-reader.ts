import { and, between, eq, sql } from "drizzle-orm";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import { type DatabaseClient, queryRows } from "@/shared/infrastructure/database/database-client";
import type { FactsReader, Freshness, ProductTotals } from "../../application/ports/facts-reader.port";
import type { OrganizationSettings } from "../../application/ports/projection-store.port";
import type { Measures } from "../../domain/measures";
import { dailyFacts, dailyProductFacts } from "./daily-facts.table";
import { measuresFromRow } from "./fact-rows";
import { biOrganizations, biProducts, biProjectionState } from "./projection-documents.table";

const sums = (t: typeof dailyFacts | typeof dailyProductFacts) => sql`
  coalesce(sum(${t.revenueNet}), 0)::text as revenue_net,
  coalesce(sum(${t.tax}), 0)::text as tax,
  coalesce(sum(${t.unitsSold}), 0)::text as units_sold,
  coalesce(sum(${t.unitsProduced}), 0)::text as units_produced,
  coalesce(sum(${t.productionCost}), 0)::text as production_cost,
  coalesce(sum(${t.costOfGoodsSold}), 0)::text as cost_of_goods_sold`;

/** Reads sums of the daily fact rows; every query is bounded by days, never by documents. */
export class DrizzleFactsReader implements FactsReader {
  constructor(private readonly client: DatabaseClient) {}

  async organization(organizationId: string): Promise<OrganizationSettings | null> {
    const [row] = await withDatabaseErrors(() =>
      this.client.db.select().from(biOrganizations).where(eq(biOrganizations.organizationId, organizationId)),
    );
    return row ?? null;
  }

  async periodTotals(organizationId: string, from: string, to: string): Promise<Measures> {
    const [row] = await withDatabaseErrors(() =>
      queryRows<Record<string, unknown>>(
        this.client.db,
        sql`select ${sums(dailyFacts)}, coalesce(sum(${dailyFacts.invoiceCount}), 0)::text as invoice_count
            from ${dailyFacts}
            where ${dailyFacts.organizationId} = ${organizationId} and ${dailyFacts.day} between ${from} and ${to}`,
      ),
    );
    return measuresFromRow(row as never);
  }

  async dailyTotals(organizationId: string, from: string, to: string): Promise<{ day: string; measures: Measures }[]> {
    const rows = await withDatabaseErrors(() =>
      this.client.db
        .select()
        .from(dailyFacts)
        .where(and(eq(dailyFacts.organizationId, organizationId), between(dailyFacts.day, from, to)))
        .orderBy(dailyFacts.day),
    );
    return rows.map((r) => ({
      day: r.day,
      measures: measuresFromRow({
        revenue_net: r.revenueNet,
        tax: r.tax,
        units_sold: r.unitsSold,
        units_produced: r.unitsProduced,
        production_cost: r.productionCost,
        cost_of_goods_sold: r.costOfGoodsSold,
        invoice_count: r.invoiceCount,
      }),
    }));
  }

  async productTotals(organizationId: string, from: string, to: string): Promise<ProductTotals[]> {
    const f = dailyProductFacts;
    const rows = await withDatabaseErrors(() =>
      queryRows<
        Record<string, unknown> & { product_id: string; name: string | null; sku: string | null; unit: string | null }
      >(
        this.client.db,
        sql`select t.*, p.name, p.sku, p.unit from (
              select ${f.productId} as product_id, ${sums(f)}
              from ${f}
              where ${f.organizationId} = ${organizationId} and ${f.day} between ${from} and ${to}
              group by ${f.productId}) t
            left join ${biProducts} p on p.organization_id = ${organizationId} and p.product_id = t.product_id`,
      ),
    );
    return rows.map((r) => {
      const m = measuresFromRow(r as never);
      return {
        productId: r.product_id,
        name: r.name,
        sku: r.sku,
        unit: r.unit,
        revenueNet: m.revenueNet,
        unitsSold: m.unitsSold,
        costOfGoodsSold: m.costOfGoodsSold,
      };
    });
  }

  async freshness(organizationId: string): Promise<Freshness | null> {
    const [row] = await withDatabaseErrors(() =>
      this.client.db.select().from(biProjectionState).where(eq(biProjectionState.organizationId, organizationId)),
    );
    return row ? { lastEventAt: row.lastEventAt, lastAppliedAt: row.lastAppliedAt, rebuiltAt: row.rebuiltAt } : null;
  }
}
