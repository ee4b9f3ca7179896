import { eq, sql } from "drizzle-orm";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import type { UserRepository } from "../../application/ports/user.repository";
import type { Email } from "../../domain/email.value-object";
import type { User } from "../../domain/user.entity";
import { toUser, toUserRow } from "./user.mapper";
import { users } from "./user.table";

/** Users in `auth.users`. Enlists in the ambient unit of work through `client.executor()`. */
export class DrizzleUserRepository implements UserRepository {
  constructor(private readonly client: DatabaseClient) {}

  async findById(id: Uuid): Promise<User | null> {
    const [row] = await withDatabaseErrors(() =>
      this.client.executor().select().from(users).where(eq(users.id, id)).limit(1),
    );
    return row ? toUser(row) : null;
  }

  async lockById(id: Uuid): Promise<User | null> {
    const [row] = await withDatabaseErrors(() =>
      this.client.executor().select().from(users).where(eq(users.id, id)).limit(1).for("update"),
    );
    return row ? toUser(row) : null;
  }

  async findByEmail(email: Email): Promise<User | null> {
    // Same expression as users_email_lower_uq, so this is an index look-up.
    const [row] = await withDatabaseErrors(() =>
      this.client.executor().select().from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1),
    );
    return row ? toUser(row) : null;
  }

  /** Upsert by id; another account with the same email throws ConflictError("users_email_lower_uq"). */
  async save(user: User): Promise<void> {
    const row = toUserRow(user);
    await withDatabaseErrors(() =>
      this.client
        .executor()
        .insert(users)
        .values(row)
        .onConflictDoUpdate({
          target: users.id,
          set: {
            email: row.email,
            name: row.name,
            passwordHash: row.passwordHash,
            emailVerifiedAt: row.emailVerifiedAt,
          },
        }),
    );
  }
}
