import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Email } from "../../domain/email.value-object";
import type { User } from "../../domain/user.entity";

export interface UserRepository {
  findById(id: Uuid): Promise<User | null>;
  /**
   * findById that, inside a unit of work, LOCKS the row (for update) until commit: whoever acts on a
   * password verified outside the transaction re-reads it here (see verified-credentials.ts).
   */
  lockById(id: Uuid): Promise<User | null>;
  /** `email` is already normalised (lower-case); a unique index makes this an index lookup. */
  findByEmail(email: Email): Promise<User | null>;
  /** Insert or update. A concurrent insert of the same email throws ConflictError (unique index). */
  save(user: User): Promise<void>;
}
