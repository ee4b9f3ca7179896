import { eq, sql } from "drizzle-orm";
import type { DatabaseClient, Db } from "@/shared/infrastructure/database/database-client";
import type { ProjectionSnapshot } from "../../application/in-memory.projection-store";
import type { ProjectionRebuildTarget } from "../../application/ports/projection-rebuild.port";
import { dailyFacts, dailyProductFacts } from "./daily-facts.table";
import { lockOrganization } from "./drizzle.projection-store";
import { factValues, measureValues } from "./fact-rows";
import {
  biAppliedEvents,
  biDocumentDays,
  biInvoices,
  biOrganizations,
  biProducts,
  biProjectionState,
} from "./projection-documents.table";

const CHUNK = 1000;

/** Swaps an organization's projection rows for a rebuilt snapshot, inside the caller's transaction. */
export class DrizzleProjectionRebuild implements ProjectionRebuildTarget {
  constructor(private readonly client: DatabaseClient) {}

  async lock(organizationId: string): Promise<void> {
    await lockOrganization(this.client.executor(), organizationId, "exclusive");
  }

  async replace(snapshot: ProjectionSnapshot): Promise<void> {
    const db = this.client.executor();
    const org = snapshot.organizationId;
    for (const table of [
      dailyFacts,
      dailyProductFacts,
      biInvoices,
      biDocumentDays,
      biProducts,
      biAppliedEvents,
      biProjectionState,
    ]) {
      await db.delete(table).where(eq(table.organizationId, org));
    }
    await db.delete(biOrganizations).where(eq(biOrganizations.organizationId, org));

    if (snapshot.organization) await db.insert(biOrganizations).values(snapshot.organization);
    await insertChunks(
      db,
      biInvoices,
      snapshot.invoices.map((i) => ({ organizationId: org, ...i, lines: i.lines ? [...i.lines] : null })),
    );
    await insertChunks(
      db,
      biDocumentDays,
      snapshot.documentDays.map((d) => ({ organizationId: org, ...d })),
    );
    await insertChunks(
      db,
      biProducts,
      snapshot.products.map((p) => ({ organizationId: org, ...p })),
    );
    await insertChunks(
      db,
      dailyFacts,
      snapshot.facts.filter((f) => f.productId === null).map((f) => factValues(org, f.day, f.measures)),
    );
    await insertChunks(
      db,
      dailyProductFacts,
      snapshot.facts
        .filter((f) => f.productId !== null)
        .map((f) => ({
          organizationId: org,
          day: f.day,
          productId: f.productId as string,
          ...measureValues(f.measures),
        })),
    );
    await insertChunks(
      db,
      biAppliedEvents,
      snapshot.appliedEventIds.map((eventId) => ({ organizationId: org, eventId })),
    );
    if (snapshot.lastEventAt) {
      await db.insert(biProjectionState).values({
        organizationId: org,
        lastEventAt: snapshot.lastEventAt,
        lastAppliedAt: sql`now()`,
        rebuiltAt: sql`now()`,
      });
    }
  }
}

async function insertChunks<T extends Parameters<Db["insert"]>[0]>(
  db: Db,
  table: T,
  rows: readonly T["$inferInsert"][],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await db.insert(table).values(rows.slice(i, i + CHUNK));
}
