import { timestamp, uuid } from "drizzle-orm/pg-core";
import { Uuid } from "@/shared/domain/uuid.value-object";

/**
 * Columns every table starts with: `{ ...baseColumns(), … }`. Ids are UUIDv7 made in the app
 * (PostgreSQL 15 has no uuidv7()); entities normally bring their own, the $defaultFn is a safety net.
 * `updated_at` is kept current by the `platform.set_updated_at()` trigger, which each table's
 * migration attaches (see drizzle/README.md); a test fails for any table that forgets it.
 */
export const baseColumns = () => ({
  id: uuid("id")
    .$type<Uuid>()
    .primaryKey()
    .$defaultFn(() => Uuid.generate()),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
