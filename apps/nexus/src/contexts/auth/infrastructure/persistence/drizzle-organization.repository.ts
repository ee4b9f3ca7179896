import { eq } from "drizzle-orm";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import type { OrganizationRepository } from "../../application/ports/organization.repository";
import type { Organization } from "../../domain/organization.entity";
import { toOrganization, toOrganizationRow } from "./organization.mapper";
import { organizations } from "./organization.table";

export class DrizzleOrganizationRepository implements OrganizationRepository {
  constructor(private readonly client: DatabaseClient) {}

  async findById(id: Uuid): Promise<Organization | null> {
    const [row] = await withDatabaseErrors(() =>
      this.client.executor().select().from(organizations).where(eq(organizations.id, id)).limit(1),
    );
    return row ? toOrganization(row) : null;
  }

  async lockById(id: Uuid): Promise<Organization | null> {
    const [row] = await withDatabaseErrors(() =>
      this.client.executor().select().from(organizations).where(eq(organizations.id, id)).limit(1).for("no key update"),
    );
    return row ? toOrganization(row) : null;
  }

  async save(organization: Organization): Promise<void> {
    const row = toOrganizationRow(organization);
    await withDatabaseErrors(() =>
      this.client
        .executor()
        .insert(organizations)
        .values(row)
        .onConflictDoUpdate({
          target: organizations.id,
          set: { name: row.name, currency: row.currency, timezone: row.timezone },
        }),
    );
  }
}
