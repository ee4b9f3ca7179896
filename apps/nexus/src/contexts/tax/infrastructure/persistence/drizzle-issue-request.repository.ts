import { and, eq } from "drizzle-orm";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { currentTransaction } from "@/shared/infrastructure/database/transaction-context";
import type {
  IssuedRequest,
  IssueRequest,
  IssueRequestRepository,
  IssueScope,
} from "../../application/ports/issue-request.repository";
import { issueRequests } from "./issue-request.table";

export class DrizzleIssueRequestRepository implements IssueRequestRepository {
  constructor(private readonly client: DatabaseClient) {}

  async find(organizationId: Uuid, scope: IssueScope, key: string): Promise<IssuedRequest | null> {
    const [row] = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select({ requestHash: issueRequests.requestHash, documentId: issueRequests.documentId })
        .from(issueRequests)
        .where(
          and(
            eq(issueRequests.organizationId, organizationId),
            eq(issueRequests.scope, scope),
            eq(issueRequests.key, key),
          ),
        ),
    );
    return row ?? null;
  }

  async claim(
    organizationId: Uuid,
    scope: IssueScope,
    request: IssueRequest,
    documentId: Uuid,
  ): Promise<IssuedRequest | null> {
    if (!currentTransaction(this.client)) throw new Error("issue requests are claimed inside a unit of work only");
    // DO NOTHING rather than a unique violation: a twin still in flight makes this insert wait for
    // its commit (or rollback), and the next statement, a new snapshot, reads what it recorded.
    const inserted = await withDatabaseErrors(() =>
      this.client
        .executor()
        .insert(issueRequests)
        .values({ organizationId, scope, key: request.key, requestHash: request.requestHash, documentId })
        .onConflictDoNothing()
        .returning({ documentId: issueRequests.documentId }),
    );
    if (inserted.length > 0) return null;
    const recorded = await this.find(organizationId, scope, request.key);
    if (!recorded) throw new Error("issue request conflicted but is not visible");
    return recorded;
  }
}
