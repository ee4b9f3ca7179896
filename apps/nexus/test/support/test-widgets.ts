import { sql } from "drizzle-orm";
import { text } from "drizzle-orm/pg-core";
import { baseColumns } from "@/shared/infrastructure/database/base-columns";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { platform } from "@/shared/infrastructure/database/schemas";

/** A throwaway table for the database layer's own tests, created the way a migration would. */
export const widgets = platform.table("test_widgets", {
  ...baseColumns(),
  name: text("name").notNull().unique("test_widgets_name_key"),
});

export async function createWidgetsTable(client: DatabaseClient): Promise<void> {
  await client.db.execute(sql`
    CREATE TABLE platform.test_widgets (
      id uuid PRIMARY KEY,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      name text NOT NULL CONSTRAINT test_widgets_name_key UNIQUE
    )`);
  await client.db.execute(sql`
    CREATE TRIGGER set_updated_at BEFORE UPDATE ON platform.test_widgets
      FOR EACH ROW EXECUTE FUNCTION platform.set_updated_at()`);
}
