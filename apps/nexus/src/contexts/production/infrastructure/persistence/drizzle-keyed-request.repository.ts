import { and, eq } from "drizzle-orm";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { currentTransaction } from "@/shared/infrastructure/database/transaction-context";
import type { KeyedRequest } from "../../application/keyed-request";
import type {
  KeyedOperation,
  KeyedRequestRepository,
  RecordedRequest,
} from "../../application/ports/keyed-request.repository";
import { keyedRequests } from "./keyed-request.table";

export class DrizzleKeyedRequestRepository implements KeyedRequestRepository {
  constructor(private readonly client: DatabaseClient) {}

  async find(organizationId: Uuid, operation: KeyedOperation, key: string): Promise<RecordedRequest | null> {
    const [row] = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select({ requestHash: keyedRequests.requestHash, resourceId: keyedRequests.resourceId })
        .from(keyedRequests)
        .where(
          and(
            eq(keyedRequests.organizationId, organizationId),
            eq(keyedRequests.operation, operation),
            eq(keyedRequests.key, key),
          ),
        ),
    );
    return row ?? null;
  }

  async claim(
    organizationId: Uuid,
    operation: KeyedOperation,
    request: KeyedRequest,
    resourceId: Uuid,
  ): Promise<RecordedRequest | null> {
    if (!currentTransaction(this.client)) throw new Error("keyed requests are claimed inside a unit of work only");
    // DO NOTHING rather than a unique violation: a twin still in flight makes this insert wait for
    // its commit (or rollback), and the next statement, a new snapshot, reads what it recorded.
    const inserted = await withDatabaseErrors(() =>
      this.client
        .executor()
        .insert(keyedRequests)
        .values({ organizationId, operation, key: request.key, requestHash: request.requestHash, resourceId })
        .onConflictDoNothing()
        .returning({ resourceId: keyedRequests.resourceId }),
    );
    if (inserted.length > 0) return null;
    const recorded = await this.find(organizationId, operation, request.key);
    if (!recorded) throw new Error("keyed request conflicted but is not visible");
    return recorded;
  }
}
