import { and, eq } from "drizzle-orm";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import type { SaleRecord, SaleRepository } from "../../application/ports/stock.repositories";
import { sales } from "./sale.table";

export class DrizzleSaleRepository implements SaleRepository {
  constructor(private readonly client: DatabaseClient) {}

  async lock(organizationId: Uuid, invoiceId: Uuid): Promise<SaleRecord | null> {
    const [row] = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select()
        .from(sales)
        .where(and(eq(sales.organizationId, organizationId), eq(sales.invoiceId, invoiceId)))
        .for("update"),
    );
    if (!row) return null;
    const { cancelledAt, createdAt: _createdAt, ...rest } = row;
    return { ...rest, cancelled: cancelledAt !== null };
  }

  async insert(sale: SaleRecord): Promise<void> {
    const { cancelled, ...row } = sale;
    await withDatabaseErrors(() =>
      this.client
        .executor()
        .insert(sales)
        .values({ ...row, cancelledAt: cancelled ? new Date() : null }),
    );
  }

  async markCancelled(organizationId: Uuid, invoiceId: Uuid): Promise<void> {
    await withDatabaseErrors(() =>
      this.client
        .executor()
        .update(sales)
        .set({ cancelledAt: new Date() })
        .where(and(eq(sales.organizationId, organizationId), eq(sales.invoiceId, invoiceId))),
    );
  }
}
