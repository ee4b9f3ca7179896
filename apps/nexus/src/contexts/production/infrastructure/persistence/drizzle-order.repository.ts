import { and, eq } from "drizzle-orm";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import type { OrderRepository } from "../../application/ports/stock.repositories";
import type { ProductionOrder } from "../../domain/production-order.entity";
import { orderRow, toOrder } from "./production.mappers";
import { productionOrders } from "./production-order.table";

export class DrizzleOrderRepository implements OrderRepository {
  constructor(private readonly client: DatabaseClient) {}

  findById(organizationId: Uuid, id: Uuid): Promise<ProductionOrder | null> {
    return this.one(organizationId, id, false);
  }

  lockById(organizationId: Uuid, id: Uuid): Promise<ProductionOrder | null> {
    return this.one(organizationId, id, true);
  }

  async save(order: ProductionOrder): Promise<void> {
    const row = orderRow(order);
    const { id: _id, organizationId: _org, createdAt: _created, ...changes } = row;
    await withDatabaseErrors(() =>
      this.client
        .executor()
        .insert(productionOrders)
        .values(row)
        .onConflictDoUpdate({ target: productionOrders.id, set: changes }),
    );
  }

  private async one(organizationId: Uuid, id: Uuid, lock: boolean): Promise<ProductionOrder | null> {
    const query = this.client
      .executor()
      .select()
      .from(productionOrders)
      .where(and(eq(productionOrders.organizationId, organizationId), eq(productionOrders.id, id)));
    const [row] = await withDatabaseErrors(() => (lock ? query.for("update") : query));
    return row ? toOrder(row) : null;
  }
}
