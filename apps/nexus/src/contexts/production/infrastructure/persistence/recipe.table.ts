import { integer, jsonb, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { production } from "@/shared/infrastructure/database/schemas";
import { id, milli } from "./columns";

/** Stored items: ingredient id and quantity (canonical decimal string, exact). */
export interface RecipeItemJson {
  readonly ingredientId: Uuid;
  readonly quantity: string;
}

/** Recipe versions are immutable: no updated_at. */
export const recipes = production.table(
  "recipes",
  {
    id: uuid("id").$type<Uuid>().primaryKey(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    organizationId: id("organization_id").notNull(),
    productId: id("product_id").notNull(),
    version: integer("version").notNull(),
    yieldMilli: milli("yield_milli").notNull(),
    items: jsonb("items").$type<RecipeItemJson[]>().notNull(),
  },
  (t) => [uniqueIndex("recipes_product_version_key").on(t.productId, t.version)],
);

export type RecipeRow = typeof recipes.$inferSelect;
