import { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Email } from "../../domain/email.value-object";
import type { PersonName } from "../../domain/person-name.value-object";
import { User } from "../../domain/user.entity";
import type { UserRow, users } from "./user.table";

// Rows were validated on the way in, so the brands are restored without parsing again.

export function toUser(row: UserRow): User {
  return User.restore({
    id: row.id,
    email: row.email as Email,
    name: row.name as PersonName,
    passwordHash: row.passwordHash,
    emailVerifiedAt: row.emailVerifiedAt ? Timestamp.fromDate(row.emailVerifiedAt) : null,
    createdAt: Timestamp.fromDate(row.createdAt),
    updatedAt: Timestamp.fromDate(row.updatedAt),
  });
}

export function toUserRow(user: User): typeof users.$inferInsert {
  const p = user.toProps();
  return {
    id: p.id,
    email: p.email,
    name: p.name,
    passwordHash: p.passwordHash,
    emailVerifiedAt: p.emailVerifiedAt?.toDate() ?? null,
    createdAt: p.createdAt.toDate(),
    updatedAt: p.updatedAt.toDate(),
  };
}
